"use client"

import { useFormContext, useWatch } from "react-hook-form"

import * as SOURCES from "@/lib/microsoft365/sources"
import type { SetupValues } from "@/lib/schemas/setup"
import { methodInfo } from "@/lib/microsoft365/methods"

import { SourceLink } from "@/components/ui/source-link"

import { TextField } from "../text-field"

const SEND_AS_WARNING = {
  id: "send-as",
  text: "Sending as another address needs Send As permission on that mailbox (otherwise 554 5.2.252 SendAsDenied)",
  source: SOURCES.fix,
}

export function SenderStep() {
  const { control } = useFormContext<SetupValues>()
  const [method, user, fromAddress] = useWatch({
    control,
    name: ["method.method", "account.user", "sender.fromAddress"],
  })
  const { sender } = methodInfo(method)
  const from = fromAddress.trim().toLowerCase()
  const sendsAsAnother = sender.sendAsApplies && from !== "" && from !== user.trim().toLowerCase()

  return (
    <>
      <div className="flex flex-col gap-2 text-muted-foreground">
        <p>{sender.intro}</p>
        <SourceLink source={sender.source} />
      </div>
      <TextField
        name="sender.fromAddress"
        label="From address"
        type="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="scanner@contoso.com"
        hint={sender.fromHint}
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
