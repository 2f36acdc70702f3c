$(function () {
  var ticker = $.connection.tickerHub;
  ticker.client.update = function (symbol, price) {
    $('#' + symbol).text(price);
  };

  $.connection.hub.disconnected(() => {
    // Added by signalr-codemod add-reconnect: restart after a random delay.
    setTimeout(() => $.connection.hub.start(), 1000 + 29000 * Math.random());
  });
  $.connection.hub.start().done(function () {
    ticker.server.subscribe('MSFT');
  });
});
