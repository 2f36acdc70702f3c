<%@ Page Language="C#" %>
<html><body>
<script type="text/javascript">
  var connection = $.hubConnection('<%= ResolveUrl("~/signalr") %>');
  connection.start();
</script>
</body></html>
