export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return
  const { startFloorWorkerEarly } = await import("./floor-thread.js")
  await startFloorWorkerEarly()
}
