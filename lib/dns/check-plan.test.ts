import { describe, expect, test } from "vitest"

import { SENDING_METHODS } from "@/lib/schemas/setup-fields"
import { sendsToMx } from "@/lib/microsoft365/methods"

import { domainCheckPlan } from "./check-plan"

describe("domainCheckPlan", () => {
  test("every method has a plan, and only the methods that send to the MX endpoint treat MX as one", () => {
    for (const method of SENDING_METHODS) {
      expect(domainCheckPlan(method).mx === "endpoint").toBe(sendsToMx(method))
      expect(domainCheckPlan(method).deviceIp).toBe(sendsToMx(method))
    }
  })

  test("HVE is checked as SMTP AUTH; ACS checks its own records and keeps MX for information", () => {
    expect(domainCheckPlan("hve")).toEqual(domainCheckPlan("smtp-auth"))
    expect(domainCheckPlan("acs")).toMatchObject({
      sender: "acs",
      checks: ["acs-verification", "spf", "acs-dkim", "dmarc", "mx"],
      mx: "informational",
      initialDomain: false,
    })
    expect(
      domainCheckPlan("acs", "3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c.azurecomm.net").checks
    ).toEqual(["acs-managed-domain"])
    // An azurecomm.net name is only ACS's own when the method is ACS.
    expect(domainCheckPlan("smtp-auth", "x.azurecomm.net").checks).toEqual([
      "mx",
      "spf",
      "dkim",
      "dmarc",
    ])
  })
})
