"use client"

import { useFormContext, useWatch } from "react-hook-form"

import * as SOURCES from "@/lib/microsoft365/sources"
import type { SetupValues } from "@/lib/schemas/setup"
import { signInOf } from "@/lib/schemas/sign-in"

import { TextField } from "../text-field"

const SEND_AS_WARNING = {
  id: "send-as",
  text: "Sending as another address needs Send As permission on that mailbox (otherwise 554 5.2.252 SendAsDenied)",
  source: SOURCES.fix,
}

export function SenderStep() {
  const { control } = useFormContext<SetupValues>()
  const [method, authType, user, fromAddress] = useWatch({
    control,
    name: ["method.method", "account.authType", "account.user", "sender.fromAddress"],
  })
  const signsIn = signInOf({ method: { method }, account: { authType } }) !== "none"
  const from = fromAddress.trim().toLowerCase()
  const sendsAsAnother = signsIn && from !== "" && from !== user.trim().toLowerCase()

  return (
    <>
      <div className="flex flex-col gap-2 text-muted-foreground">
        <p>
          {signsIn
            ? "The username is who signs in; the From address and name are what recipients see. Microsoft 365 only lets a mailbox send as itself unless it has been given Send As permission for another address."
            : "Nobody signs in with this method, so the From address is what identifies the sender: it must be in one of your organisation's accepted domains."}
        </p>
      </div>
      <TextField
        name="sender.fromAddress"
        label="From address"
        type="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="scanner@contoso.com"
        hint={
          signsIn
            ? "Usually the same as Username."
            : "Any address in one of your accepted domains; it doesn't need a mailbox."
        }
        warnings={sendsAsAnother ? [SEND_AS_WARNING] : []}
      />
      <TextField
        name="sender.fromName"
        label="From name"
        autoComplete="off"
        placeholder="Scanner, 2nd floor"
        hint="Optional. The display name recipients see next to the address."
      />
    </>
  )
}
