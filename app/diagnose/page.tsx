import type { Metadata } from "next"

import { ToolPage } from "@/components/layout/tool-page"
import { DiagnoseForm } from "@/components/diagnose/diagnose-form"

export const metadata: Metadata = {
  title: "Diagnose an error: smtp365",
  description:
    "Paste an SMTP error, a client log or a bounce from Microsoft 365 and get the cause and the fix, without sending anything.",
}

export default function DiagnosePage() {
  return (
    <ToolPage
      title="Diagnose an error"
      lead={
        <>Paste what your app, device or a bounce showed, and get the same diagnosis as a test.</>
      }
      note={
        <>
          Nothing is sent: smtp365 only reads the text to find the server&apos;s replies. It
          contacts no mail server, and neither stores nor logs what you paste.
        </>
      }
    >
      <DiagnoseForm />
    </ToolPage>
  )
}
