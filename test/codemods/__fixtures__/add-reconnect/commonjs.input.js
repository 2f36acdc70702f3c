'use strict';
const signalR = require('@microsoft/signalr');

const connection = new signalR.HubConnectionBuilder().withUrl('http://localhost:5000/hubs/chat').build();

connection.start().then(() => console.log('connected'));
