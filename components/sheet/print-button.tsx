"use client"

import { Button } from "@/components/ui/button"

/** Opens the browser's print dialog for the sheet. */
export function PrintButton() {
  return <Button onClick={() => window.print()}>Print this sheet</Button>
}
