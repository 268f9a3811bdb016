"use client"

import { useState } from "react"
import { useFormContext } from "react-hook-form"

import { BASIC_AUTH_TIMELINE } from "@/lib/microsoft365/basic-auth-timeline"
import {
  DEFAULT_PRACTICE_PASSWORD,
  PRACTICE_ACCOUNTS,
  PRACTICE_DOMAIN,
} from "@/lib/practice/accounts"
import type { SetupValues } from "@/lib/schemas/setup"
import { Button } from "@/components/ui/button"
import { Callout } from "@/components/ui/callout"
import { Field, FieldError, FieldHint, describedBy } from "@/components/ui/field"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { SourceLink } from "@/components/ui/source-link"
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table"

import { TextField, useFieldError } from "../text-field"

const PRACTICE_MAILBOXES = Object.entries(PRACTICE_ACCOUNTS).map(([localPart, scenario]) => ({
  localPart,
  address: `${localPart}@${PRACTICE_DOMAIN}`,
  description: scenario.description.charAt(0).toUpperCase() + scenario.description.slice(1),
}))

export function AccountStep({ practiceEnabled }: { practiceEnabled: boolean }) {
  return (
    <>
      <p className="text-muted-foreground">
        SMTP AUTH signs in as a licensed Microsoft 365 mailbox. Its address appears as the sender
        unless it has permission to send as another one.
      </p>
      <TextField
        name="account.user"
        label="Username"
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="printer@contoso.com"
        hint="The mailbox's full email address. Microsoft 365 signs in with the whole address, not only the part before @."
      />
      <PasswordField />
      <BasicAuthCallout />
      {practiceEnabled ? <PracticeMailboxes /> : null}
    </>
  )
}

/**
 * Uncontrolled on purpose: the password lives only in the input and react-hook-form's internal
 * values, never in React state, a value= prop or a watcher, so it can't end up in rendered HTML.
 */
function PasswordField() {
  const { register } = useFormContext<SetupValues>()
  const [visible, setVisible] = useState(false)
  const error = useFieldError("account.pass")

  return (
    <Field data-invalid={error ? true : undefined}>
      <Label htmlFor="account-pass">Password</Label>
      <FieldHint id="account-pass-hint">
        The mailbox&apos;s password, or an app password if it uses per-user MFA. It is sent once for
        this test and never stored, logged or shown.
      </FieldHint>
      <div className="flex gap-2">
        <Input
          id="account-pass"
          type={visible ? "text" : "password"}
          autoComplete="current-password"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && "account-pass-error", "account-pass-hint")}
          {...register("account.pass")}
        />
        <Button
          variant="outline"
          className="w-20"
          aria-pressed={visible}
          aria-controls="account-pass"
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? "Hide" : "Show"}
        </Button>
      </div>
      <FieldError id="account-pass-error" message={error?.message} />
    </Field>
  )
}

function BasicAuthCallout() {
  return (
    <Callout
      tone="warning"
      title="Password sign-in (Basic authentication) for SMTP AUTH is being retired"
    >
      <p className="text-muted-foreground">
        Microsoft&apos;s timeline as of {BASIC_AUTH_TIMELINE.sourceDate}:
      </p>
      <dl className="grid gap-x-4 gap-y-1.5 sm:grid-cols-[minmax(0,13rem)_1fr]">
        {BASIC_AUTH_TIMELINE.milestones.map((milestone) => (
          <div key={milestone.when} className="contents">
            <dt className="font-medium">{milestone.when}</dt>
            <dd className="mb-1 sm:mb-0">{milestone.what}</dd>
          </div>
        ))}
      </dl>
      <p>{BASIC_AUTH_TIMELINE.appPasswordNote}</p>
      <SourceLink source={BASIC_AUTH_TIMELINE.source} />
    </Callout>
  )
}

function PracticeMailboxes() {
  const form = useFormContext<SetupValues>()

  function use(address: string) {
    form.setValue("account.user", address, {
      shouldDirty: true,
      shouldTouch: true,
      shouldValidate: true,
    })
    // These mailboxes only exist on the simulator.
    form.setValue("server.practice", true, { shouldDirty: true })
    form.setFocus("account.pass")
  }

  return (
    <section aria-labelledby="practice-mailboxes-heading" className="flex flex-col gap-2">
      <h3 id="practice-mailboxes-heading" className="text-base font-semibold">
        Practice mailboxes
      </h3>
      <p className="text-sm text-muted-foreground">
        Each one behaves like a real Microsoft 365 mailbox in a particular situation. Their password
        is{" "}
        <code className="rounded bg-muted px-1 font-mono text-foreground">
          {DEFAULT_PRACTICE_PASSWORD}
        </code>
        : type it yourself. <code className="font-mono">sender@{PRACTICE_DOMAIN}</code> sends
        successfully; the others each show one failure. &ldquo;Use&rdquo; fills in Username and
        switches the test to the practice server.
      </p>
      <details className="group rounded-lg border bg-card">
        <summary className="cursor-pointer rounded-lg px-3 py-2.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring">
          Show the {PRACTICE_MAILBOXES.length} practice mailboxes and what each one shows
        </summary>
        <div className="border-t p-2">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Mailbox</TableHead>
                <TableHead scope="col" className="hidden sm:table-cell">
                  What you&apos;ll see
                </TableHead>
                <TableHead scope="col">
                  <span className="sr-only">Action</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {PRACTICE_MAILBOXES.map((mailbox) => (
                <TableRow key={mailbox.address}>
                  <TableCell>
                    <span className="font-mono text-[0.8125rem] sm:whitespace-nowrap">
                      {mailbox.localPart}
                      <wbr />@{PRACTICE_DOMAIN}
                    </span>
                    <span className="mt-0.5 block text-muted-foreground sm:hidden">
                      {mailbox.description}
                    </span>
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">
                    {mailbox.description}
                  </TableCell>
                  <TableCell className="py-1.5 text-right">
                    <Button variant="outline" size="sm" onClick={() => use(mailbox.address)}>
                      Use<span className="sr-only"> {mailbox.address}</span>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </details>
    </section>
  )
}
