import { HubConnectionBuilder } from "@microsoft/signalr"

const connection = new HubConnectionBuilder().withUrl("/hubs/quiz").build()

export function joinQuiz(player, show) {
  connection.start()
    .then(() => {
      connection.invoke("Join", player)

      connection.on("Question", (question) => { show(question) })
    })
}
