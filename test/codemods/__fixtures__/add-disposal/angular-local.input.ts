import { Component, OnInit } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';

@Component({ selector: 'app-news', template: '' })
export class NewsComponent implements OnInit {
  ngOnInit(): void {
    const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
    void connection.start();
  }
}
