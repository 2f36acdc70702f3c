$(function () {
  var ticker = $.connection.tickerHub;
  ticker.client.update = function (symbol, price) {
    $('#' + symbol).text(price);
  };

  $.connection.hub.start().done(function () {
    ticker.server.subscribe('MSFT');
  });
});
