import "server-only"

import { diagnoseOutcome } from "@/lib/diagnosis/diagnose-outcome"
import type { SetupValues } from "@/lib/schemas/setup"
import { runSmtpTest, type RunTestOptions } from "@/lib/smtp/run-test"
import type { TestOutcome } from "@/lib/smtp/types"

/**
 * Runs one test send (lib/smtp) and explains a failure (lib/diagnosis): the outcome as the
 * wizard shows it. The test-send action streams it; tests and the bench call it directly.
 */
export async function runDiagnosedTest(
  values: SetupValues,
  options: RunTestOptions
): Promise<TestOutcome> {
  return diagnoseOutcome(await runSmtpTest(values, options), values)
}
