"use client"

import dynamic from "next/dynamic"
import { useFormContext } from "react-hook-form"

import type { SetupValues } from "@/lib/schemas/setup"
import type { StageResult, TestOutcome } from "@/lib/smtp/types"
import type { useDeviceCodeSignIn } from "@/components/oauth/use-device-code-sign-in"

import { exportableRows } from "./exportable-settings"

// Loaded when a test starts (the stage list is preloaded with the Test step).
const StageList = dynamic(() =>
  import("@/components/results/stage-list").then((module) => module.StageList)
)
const DeviceCodePanel = dynamic(() =>
  import("@/components/oauth/device-code-panel").then((module) => module.DeviceCodePanel)
)
const TestResult = dynamic(() =>
  import("@/components/results/test-result").then((module) => module.TestResult)
)

export interface TestPanelsProps {
  /** The test now running (its stages as they happen), or the last one's outcome. */
  run: { liveStages: StageResult[] | null; outcome: TestOutcome | null }
  deviceSignIn: ReturnType<typeof useDeviceCodeSignIn>
}

/** Below the Test step: the device code sign-in, then the stages as they happen, then the result. */
export function TestPanels({ run, deviceSignIn }: TestPanelsProps) {
  const form = useFormContext<SetupValues>()
  const { liveStages, outcome } = run

  return (
    <>
      {deviceSignIn.state.status !== "idle" && !liveStages && !outcome ? (
        <DeviceCodePanel
          state={deviceSignIn.state}
          onCancel={deviceSignIn.cancel}
          onPracticeSignIn={deviceSignIn.signInPractice}
        />
      ) : null}
      {liveStages ? (
        <section
          aria-labelledby="progress-heading"
          aria-busy="true"
          className="flex flex-col gap-3"
        >
          <h2 id="progress-heading" className="text-xl font-semibold tracking-tight">
            Testing…
          </h2>
          <StageList stages={liveStages} />
        </section>
      ) : null}
      {outcome ? (
        <TestResult outcome={outcome} settings={() => exportableRows(form.getValues())} />
      ) : null}
    </>
  )
}
