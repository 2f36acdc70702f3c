import { HubConnectionBuilder } from "@microsoft/signalr"

const connection = new HubConnectionBuilder().withUrl("/hubs/quiz").build()

export function joinQuiz(player, show) {
  connection.on("Question", (question) => { show(question) })
  connection.start()
    .then(() => {
      connection.invoke("Join", player)
    })
}
