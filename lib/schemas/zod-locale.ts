import { config } from "zod/mini"
import en from "zod/v4/locales/en.js"

// Classic zod sets up its English messages by itself; zod/mini leaves that to the app, and without
// it every built-in check answers only "Invalid input". Every module that builds schemas imports
// this, so the messages stay as they were: the length limits and the device IP in the browser,
// and the type checks a hand-made POST meets on the server.
config(en())
