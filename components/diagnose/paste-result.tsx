import type { DiagnosedReply, PasteContext, TextDiagnosis } from "@/lib/diagnosis/diagnose-text"
import type { ExtractedReply } from "@/lib/diagnosis/extract-replies"
import { PLACEHOLDER_SIGNED_IN_MAILBOX } from "@/lib/diagnosis/placeholders"
import { psQuote } from "@/lib/powershell"
import { cn } from "@/lib/utils"
import { Callout } from "@/components/ui/callout"
import { XCircleIcon } from "@/components/ui/icons"
import { DiagnosisCard } from "@/components/results/diagnosis-card"

/** The replies that share one diagnosis: the page explains each cause once. */
interface DiagnosisGroup extends Pick<DiagnosedReply, "diagnosis"> {
  replies: ExtractedReply[]
}

function groupByDiagnosis(replies: DiagnosedReply[]): DiagnosisGroup[] {
  const groups = new Map<string, DiagnosisGroup>()
  for (const { reply, diagnosis } of replies) {
    const group = groups.get(diagnosis.id)
    if (group) group.replies.push(reply)
    else groups.set(diagnosis.id, { diagnosis, replies: [reply] })
  }
  return [...groups.values()]
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/** One sentence for the live region: what was found. */
export function resultSummary(result: TextDiagnosis): string {
  if (result.outcome === "no-replies") return "No SMTP reply found in the pasted text."
  if (result.outcome === "no-errors") {
    return `Found ${plural(result.replies.length, "SMTP reply", "SMTP replies")}, none of them an error.`
  }
  const groups = groupByDiagnosis(result.replies)
  // A token error or a client's own error is no reply of a mail server.
  const allReplies = result.replies.every(({ reply }) => !reply.origin)
  const found = `Found ${
    allReplies
      ? plural(result.replies.length, "error reply", "error replies")
      : plural(result.replies.length, "error", "errors")
  }`
  return groups.length === 1 && groups[0]
    ? `${found}: ${groups[0].diagnosis.headline}.`
    : `${found}, with ${groups.length} different causes.`
}

/** Where the text shows it: what the words on that line are, when they are not a plain reply. */
const ORIGINS: Record<NonNullable<ExtractedReply["origin"]>, string> = {
  token: "the identity platform's answer to a token request",
  client: "an error the app raised before any reply",
}

function where(reply: ExtractedReply) {
  const what = reply.origin
    ? `, ${ORIGINS[reply.origin]}`
    : reply.command
      ? `, the reply to ${reply.command}`
      : ""
  return `Line ${reply.line}${what}:`
}

function ReplyText({ reply, className }: { reply: ExtractedReply; className?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm text-muted-foreground">{where(reply)}</p>
      <pre
        className={cn(
          "overflow-x-auto rounded-md border bg-card p-3 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap",
          className
        )}
      >
        <code>{reply.text}</code>
      </pre>
    </div>
  )
}

function Hints({ hints }: { hints: readonly string[] }) {
  return (
    <ul className="flex list-disc flex-col gap-1.5 pl-5 marker:text-muted-foreground">
      {hints.map((hint) => (
        <li key={hint}>{hint}</li>
      ))}
    </ul>
  )
}

function ContextNote({ context, groups }: { context: PasteContext; groups: DiagnosisGroup[] }) {
  // Any text of a diagnosis (steps, commands, checks) may be filled in with the mailbox. In a Send
  // As diagnosis with the placeholder, the address the text names is the From address. A command
  // holds the mailbox as a PowerShell literal, o'brien@… as 'o''brien@…'.
  const texts = groups.map(({ diagnosis }) => JSON.stringify(diagnosis))
  const signedIn = (text: string) => text.includes(PLACEHOLDER_SIGNED_IN_MAILBOX)
  const usesSignedIn = texts.some(signedIn)
  const namesMailbox = (text: string) =>
    text.includes(context.mailbox) || text.includes(psQuote(context.mailbox))
  const usesMailbox = texts.some((text) => !signedIn(text) && namesMailbox(text))
  // The fix starts with the program's own settings when the text names it (programs.ts).
  const program = context.program
  const usesProgram =
    program !== undefined &&
    groups.some(({ diagnosis }) => diagnosis.fix.some((step) => step.startsWith(`${program}: `)))
  if (!usesMailbox && !usesSignedIn && !usesProgram) return null
  return (
    <>
      {usesProgram ? (
        <p className="text-sm text-muted-foreground">
          The text comes from <span className="font-medium text-foreground">{program}</span>: the
          fix starts with its own settings.
        </p>
      ) : null}
      {usesMailbox ? <MailboxNote context={context} /> : null}
      {usesSignedIn ? (
        <p className="text-sm text-muted-foreground">
          The text names only the From address, so the Send As steps use{" "}
          <span className="font-medium break-all text-foreground">
            {PLACEHOLDER_SIGNED_IN_MAILBOX}
          </span>
          : replace it with the mailbox the app signs in with.
        </p>
      ) : null}
    </>
  )
}

function MailboxNote({ context }: { context: PasteContext }) {
  return (
    <p className="text-sm text-muted-foreground">
      {context.mailboxFound ? (
        <>
          The steps use{" "}
          <span className="font-medium break-all text-foreground">{context.mailbox}</span>, the
          sending mailbox named in the text.
        </>
      ) : (
        <>
          The text names no sending mailbox, so the steps use{" "}
          <span className="font-medium break-all text-foreground">{context.mailbox}</span>: replace
          it with the mailbox that sends.
        </>
      )}
    </p>
  )
}

/** The diagnosis of a pasted text, below its summary (which the form renders as the live region). */
export function PasteResult({ result }: { result: TextDiagnosis }) {
  if (result.outcome === "no-replies") {
    return (
      <Callout title="What to paste instead" data-testid="paste-hints">
        <Hints hints={result.hints} />
      </Callout>
    )
  }

  if (result.outcome === "no-errors") {
    return (
      <>
        <Callout tone="success" title="No error in the pasted text" data-testid="paste-hints">
          <Hints hints={result.hints} />
        </Callout>
        {result.replies.map((reply) => (
          <ReplyText key={`${reply.line}-${reply.text}`} reply={reply} />
        ))}
      </>
    )
  }

  const groups = groupByDiagnosis(result.replies)
  return (
    <>
      <ContextNote context={result.context} groups={groups} />
      {groups.map(({ diagnosis, replies }, index) => {
        const temporary = diagnosis.retry
        return (
          <article
            key={diagnosis.id}
            aria-labelledby={`pasted-diagnosis-${index}`}
            data-testid="pasted-diagnosis"
            className="flex flex-col gap-4"
          >
            <div
              className={cn("flex gap-3 rounded-lg border p-4", {
                "border-destructive/50 bg-destructive/10": !temporary,
                "border-warning/50 bg-warning/10": temporary,
              })}
            >
              <XCircleIcon
                className={cn("mt-0.5 size-6", temporary ? "text-warning" : "text-destructive")}
              />
              <div className="flex min-w-0 flex-1 flex-col gap-3">
                <h3 id={`pasted-diagnosis-${index}`} className="text-lg font-semibold">
                  {diagnosis.headline}
                </h3>
                {replies.map((reply) => (
                  <ReplyText
                    key={`${reply.line}-${reply.text}`}
                    reply={reply}
                    className={temporary ? "border-warning/30" : "border-destructive/30"}
                  />
                ))}
              </div>
            </div>
            <DiagnosisCard diagnosis={diagnosis} />
          </article>
        )
      })}
    </>
  )
}
