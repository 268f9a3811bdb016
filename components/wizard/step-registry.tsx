import type { ReactNode } from "react"
import dynamic from "next/dynamic"
import type { FieldPath } from "react-hook-form"

import type { PracticeListing } from "@/lib/practice/listing"
import type { SetupValues } from "@/lib/schemas/setup"
import type { SendingMethod } from "@/lib/schemas/setup-fields"
import type { SignIn } from "@/lib/schemas/setup-fields"
import type { SecretFieldName } from "@/lib/schemas/sign-in"

import { DomainStep } from "./steps/domain-step"
import { MethodStep } from "./steps/method-step"
import type { TestPanelsProps } from "./test-panels"

/** What the wizard hands every step to render; each step takes what it needs. */
export interface StepContext extends TestPanelsProps {
  /** The practice mailboxes and apps; null when practice mode is off. */
  practice: PracticeListing | null
  method: SendingMethod
  /** The domain of the From address, checked in the Domain step. */
  fromDomain: string
  /** Practice server is ticked: the test goes to the simulator, and nothing else is practice. */
  practiceServer: boolean
  /** Why the last test could not run (not a failed test: that is an outcome). */
  sendError: string | null
  /** A device code sign-in is under way: the send waits for it. */
  signingIn: boolean
}

/** One step of the wizard: the stepper, the rendering, the checks and the address all read it. */
export interface WizardStep {
  id: string
  /** The heading, and the stepper's label. */
  title: string
  /** The form fields the step owns (react-hook-form paths): Next checks them before moving on. */
  fields: readonly FieldPath<SetupValues>[]
  /**
   * Fields of an earlier step that this one asks for again when they are empty or refused: the
   * secrets, which are never kept, so a reload empties them. A send that lacks one then stays here
   * rather than going back to their step.
   */
  asksAgain?: readonly FieldPath<SetupValues>[]
  /**
   * "setup": its values are what a test sends, so opening it again makes a result stale; "test":
   * sends; "results": shows what the last test proved. A reload may return to setup and test steps,
   * not to a result that is gone.
   */
  phase: "setup" | "test" | "results"
  /** Whether the step applies to a setup that signs in this way; absent: always. */
  appliesTo?: (signIn: SignIn) => boolean
  /** The step's content, inside the wizard's form. */
  render: (context: StepContext) => ReactNode
  /** Shown after the wizard's form: a form of its own, or the test's progress and result. */
  aside?: (context: StepContext) => ReactNode
  /** Fetches the step's code before it opens (Next hovered or focused), so opening need not wait. */
  preload?: () => void
}

/**
 * Set by the Test step's device code sign-in, not typed: Next never checks it, and the sign-in
 * runs once every other field is valid.
 */
export const SIGN_IN_FLOW_FIELD = "account.flowId" satisfies FieldPath<SetupValues>

// The first load brings the first step only; each later step's code loads when the step opens, or
// just before (preload). A step opens in a transition, so the current one stays on screen until the
// next one can show in full. A reload on a later step still renders it on the server: next/dynamic
// reads the import() written inside each dynamic() call for that, so preload repeats the import
// rather than sharing it (the bundler fetches the module once either way).
const ServerStep = dynamic(() => import("./steps/server-step").then((module) => module.ServerStep))
const AccountStep = dynamic(() =>
  import("./steps/account-step").then((module) => module.AccountStep)
)
const SenderStep = dynamic(() => import("./steps/sender-step").then((module) => module.SenderStep))
const DomainCheck = dynamic(() =>
  import("@/components/domain/domain-check").then((module) => module.DomainCheck)
)
const TestStep = dynamic(() => import("./steps/test-step").then((module) => module.TestStep))
const TestPanels = dynamic(() => import("./test-panels").then((module) => module.TestPanels))
const SettingsStep = dynamic(() =>
  import("./steps/settings-step").then((module) => module.SettingsStep)
)

/** The wizard's steps, in order. */
export const WIZARD_STEPS = [
  {
    id: "method",
    title: "Sending method",
    fields: ["method.method"],
    phase: "setup",
    render: () => <MethodStep />,
  },
  {
    id: "server",
    title: "Server",
    fields: ["server.practice", "server.domain", "server.host", "server.port", "server.security"],
    phase: "setup",
    render: ({ practice }) => <ServerStep practiceEnabled={practice !== null} />,
    preload: () => void import("./steps/server-step"),
  },
  {
    id: "account",
    title: "Account",
    fields: [
      "account.authType",
      "account.user",
      "account.pass",
      "account.tenant",
      "account.clientId",
      "account.clientSecret",
      SIGN_IN_FLOW_FIELD,
    ],
    phase: "setup",
    // Direct Send and relay send without signing in.
    appliesTo: (signIn) => signIn !== "none",
    render: ({ practice }) => <AccountStep practice={practice} />,
    preload: () => void import("./steps/account-step"),
  },
  {
    id: "sender",
    title: "Sender",
    fields: ["sender.fromAddress", "sender.fromName"],
    phase: "setup",
    render: () => <SenderStep />,
    preload: () => void import("./steps/sender-step"),
  },
  {
    id: "domain",
    title: "Domain",
    // The domain check is optional and has its own small form (outside the wizard's).
    fields: [],
    phase: "setup",
    render: ({ fromDomain, practiceServer }) => (
      <DomainStep fromDomain={fromDomain} practiceServer={practiceServer} />
    ),
    aside: ({ fromDomain, method, practiceServer }) => (
      <DomainCheck domain={fromDomain} method={method} realDnsInPractice={practiceServer} />
    ),
    preload: () => void import("@/components/domain/domain-check"),
  },
  {
    id: "test",
    title: "Test",
    fields: ["test.to"],
    asksAgain: ["account.pass", "account.clientSecret"] satisfies SecretFieldName[],
    phase: "test",
    render: ({ sendError, signingIn }) => <TestStep sendError={sendError} busy={signingIn} />,
    aside: (context) => <TestPanels {...context} />,
    preload: () => {
      void import("./steps/test-step")
      void import("./test-panels")
      // The stages show as soon as a test starts, outside a transition: have them ready.
      void import("@/components/results/stage-list")
    },
  },
  {
    id: "settings",
    title: "Settings",
    fields: [],
    phase: "results",
    // What the last test said of these settings: the Test step lets the admin skip it.
    render: ({ run }) => (
      <SettingsStep tested={run.outcome ? (run.outcome.ok ? "passed" : "failed") : "untested"} />
    ),
    preload: () => void import("./steps/settings-step"),
  },
] as const satisfies readonly WizardStep[]

export type StepId = (typeof WIZARD_STEPS)[number]["id"]

/** The steps a setup that signs in this way goes through, in order. */
export function stepsFor(signIn: SignIn): readonly WizardStep[] {
  return WIZARD_STEPS.filter((step: WizardStep) => step.appliesTo?.(signIn) ?? true)
}

/** The step with this id, if there is one (an id from the address is checked here). */
export function findStep(id: string | null | undefined): WizardStep | undefined {
  return WIZARD_STEPS.find((step) => step.id === id)
}
