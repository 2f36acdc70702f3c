import { HubConnectionBuilder } from "@microsoft/signalr"
import { useEffect, useRef } from "react"

export function Board() {
  const connectionRef = useRef(new HubConnectionBuilder().withUrl("/hubs/board").build())

  useEffect(() => {
    const connection = connectionRef.current
    connection.start().catch(console.error)
    return () => {
      connection.stop()
    }
  }, [])

  return <canvas />
}
