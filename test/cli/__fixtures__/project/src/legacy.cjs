const signalR = require('@microsoft/signalr');

module.exports = { connect: (url) => new signalR.HubConnectionBuilder().withUrl(url).build() };
