import { execFile } from "node:child_process"
import { parseEnv, promisify } from "node:util"
import { describe, expect, test } from "vitest"

import { ACS_USER } from "@/test-support/settings-export"
import {
  displayNameForHeader,
  envValue,
  msmtpValue,
  phpEnvValue,
  phpString,
  rubyString,
  sh,
  stringLiteral,
} from "./literals"

/** RFC 2047 decoding of base64 encoded words, as a mail client reads them: joined, no spaces. */
function decodeWords(text: string) {
  const bytes = text.split(" ").flatMap((word) => {
    const base64 = /^=\?utf-8\?b\?([A-Za-z0-9+/=]+)\?=$/.exec(word)?.[1]
    if (base64 === undefined) throw new Error(`not an encoded word: ${word}`)
    return [...atob(base64)].map((char) => char.charCodeAt(0))
  })
  return new TextDecoder().decode(new Uint8Array(bytes))
}

describe("displayNameForHeader", () => {
  test("quotes a name with RFC 5322 specials and leaves a plain one as it is", () => {
    expect(displayNameForHeader("IT, Monitoring")).toBe('"IT, Monitoring"')
    expect(displayNameForHeader('Scan "Floor 2" \\1')).toBe('"Scan \\"Floor 2\\" \\\\1"')
    expect(displayNameForHeader("Floor 2 scanner #1")).toBe("Floor 2 scanner #1")
  })

  test("leaves a name outside ASCII to software that encodes it", () => {
    expect(displayNameForHeader("Jörg, IT")).toBe("Jörg, IT")
  })

  test("encodes a long name outside ASCII in words of at most 75 characters", () => {
    const name = `Jörg "Ops" O'Brien, ${"é".repeat(40)} 東京`
    const encoded = displayNameForHeader(name, { encode: true })
    const words = encoded.split(" ")
    expect(words.length).toBeGreaterThan(1)
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75)
    expect(decodeWords(encoded)).toBe(name)
  })
})

/**
 * Values every quoting helper must carry through its format exactly: the ACS username with its |
 * (a shell pipe), and usernames an SMTP Username resource may hold ("free form").
 */
const AWKWARD_VALUES = [
  ACS_USER,
  `it's "me" $HOME #1 ;& \\ |x|y`,
  "a\\nb\\rc",
  "%7C %41 ~user",
  "Jörg|東京",
]

const run = promisify(execFile)

describe("quoting helpers, read back by the real parsers", () => {
  test.each(AWKWARD_VALUES)("sh: bash reads %j back as one word", async (value) => {
    const { stdout } = await run("bash", ["-c", `printf %s ${sh(value)}`])
    expect(stdout).toBe(value)
  })

  test.each(AWKWARD_VALUES)("envValue: Node's parseEnv reads %j back", (value) => {
    expect(parseEnv(`A=${envValue(value)}\n`).A).toBe(value)
  })

  test("envValue keeps a backslash out of double quotes, where \\n becomes a line break", () => {
    expect(envValue("a b\\nc")).toBe("'a b\\nc'")
    expect(parseEnv(`A="a b\\nc"\n`).A).toBe("a b\nc")
  })

  test.each(AWKWARD_VALUES)("phpString: PHP reads %j back", async (value) => {
    const { stdout } = await run("php", ["-r", `echo ${phpString(value)};`])
    expect(stdout).toBe(value)
  })

  test.each(AWKWARD_VALUES)("rubyString: Ruby reads %j back", async (value) => {
    const { stdout } = await run("ruby", ["-e", `print ${rubyString(value)}`])
    expect(stdout).toBe(value)
  })

  test.each(AWKWARD_VALUES)("stringLiteral: Python reads %j back", async (value) => {
    const { stdout } = await run("python3", [
      "-c",
      `import sys; sys.stdout.buffer.write(${stringLiteral(value)}.encode())`,
    ])
    expect(stdout).toBe(value)
  })

  test.each(AWKWARD_VALUES.filter((value) => !(value.includes("'") && /\\[nr]/.test(value))))(
    "phpEnvValue: Symfony's Dotenv reads %j back",
    async (value) => {
      const { stdout } = await run("php", [
        "-r",
        "require '/usr/share/php/Symfony/Component/Dotenv/autoload.php'; echo (new Symfony\\Component\\Dotenv\\Dotenv())->parse($argv[1])['A'];",
        `A=${phpEnvValue(value)}\n`,
      ])
      expect(stdout).toBe(value)
    }
  )

  test("msmtpValue quotes only where msmtp would trim or unquote", () => {
    expect(msmtpValue(ACS_USER)).toBe(ACS_USER)
    expect(msmtpValue(` ${ACS_USER}`)).toBe(`" ${ACS_USER}"`)
    expect(msmtpValue('"quoted"')).toBe('""quoted""')
    expect(msmtpValue('say "hi')).toBe('say "hi')
  })
})
