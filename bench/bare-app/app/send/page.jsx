import { sendThroughWorker } from "./actions"

// Registers the bench's action on a page of its own, so the bare page ("/") and its JavaScript stay
// as they are. The bench posts to it directly; nobody loads this page.
export default function Send() {
  return (
    <form action={sendThroughWorker}>
      <button type="submit">Send</button>
    </form>
  )
}
