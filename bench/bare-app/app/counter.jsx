"use client"

import { useState } from "react"

// The one client component: it makes the page ship React and the Next.js runtime, nothing more.
export function Counter() {
  const [count, setCount] = useState(0)
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      Clicked {count} times
    </button>
  )
}
