$(function () {
  var ticker = $.connection.tickerHub;
  ticker.client.update = function (symbol, price) {
    $('#' + symbol).text(price);
  };

  $.connection.hub.disconnected(function () {
    // A random delay, so that clients cut off together do not all come back at once.
    setTimeout(function () { $.connection.hub.start(); }, 1000 + 29000 * Math.random());
  });
  $.connection.hub.start().done(function () {
    ticker.server.subscribe('MSFT');
  });
});
