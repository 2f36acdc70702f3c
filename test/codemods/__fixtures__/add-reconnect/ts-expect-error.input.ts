// @ts-expect-error -- the page sets `hubUrl` before it loads this script
const hubUrl: string = window.hubUrl;
declare const signalR: typeof import('@microsoft/signalr');

const connection = new signalR.HubConnectionBuilder().withUrl(hubUrl).build();
connection.on('Message', (text: string) => console.log(text));
void connection.start();
