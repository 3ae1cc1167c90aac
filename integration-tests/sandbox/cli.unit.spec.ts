import { ChildProcess, execFile, spawn } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"
import getPort from "get-port"
import { InbankClient } from "inbank-partner-api"
import { waitFor } from "./helpers"

jest.setTimeout(30_000)

const root = path.resolve(__dirname, "../..")
let child: ChildProcess | undefined
let output = ""

afterEach(() => {
  child?.kill("SIGTERM")
  child = undefined
})

function start(args: string[], env: Record<string, string>): Promise<string> {
  child = spawn(path.join(root, "node_modules/.bin/ts-node"), ["packages/inbank-sandbox/src/cli.ts", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  })
  output = ""
  return new Promise((resolve, reject) => {
    child!.stdout!.on("data", (chunk) => {
      output += chunk
      if (output.includes("control API")) resolve(output)
    })
    child!.stderr!.on("data", (chunk) => (output += chunk))
    child!.on("exit", (code) => reject(new Error(`sandbox exited with ${code}: ${output}`)))
  })
}

describe("inbank-sandbox command", () => {
  it("takes its settings from flags and environment variables, and logs requests without the key", async () => {
    const port = await getPort()
    const banner = await start(["--port", String(port), "--api-key", "cli-secret-key", "--merchant-approval"], {
      INBANK_SHOP_UUID: "3d5c7e1a-1111-4222-8333-444455556666",
      INBANK_PRODUCT_CODE: "raty_0",
    })
    expect(banner).toContain(`listening on http://127.0.0.1:${port}`)
    expect(banner).toContain("merchant approval on")
    expect(banner).not.toContain("cli-secret-key")

    const client = new InbankClient({
      apiKey: "cli-secret-key",
      shopUuid: "3d5c7e1a-1111-4222-8333-444455556666",
      baseUrl: `http://127.0.0.1:${port}`,
    })
    const { products } = await client.listProducts()
    expect(products[0].code).toBe("raty_0")

    await waitFor(() => output.includes("GET /partner"))
    expect(output).toMatch(/\nGET \/partner\/v2\/shops\/3d5c7e1a-1111-4222-8333-444455556666\/products 200 \d+ms\n/)
    expect(output).not.toContain("cli-secret-key")
  })

  it("lists each flag with its default and environment variable under --help", async () => {
    const { stdout } = await promisify(execFile)(
      path.join(root, "node_modules/.bin/ts-node"),
      ["packages/inbank-sandbox/src/cli.ts", "--help"],
      { cwd: root },
    )
    const help = stdout.split("\n")
    const described = (flag: string) => help[help.findIndex((line) => line.startsWith(`  ${flag} `)) + 1]?.trim()
    expect(described("--port VALUE")).toBe("default: 4010, env: INBANK_SANDBOX_PORT")
    expect(described("--callback-delay-ms VALUE")).toBe("default: 100, env: INBANK_SANDBOX_CALLBACK_DELAY_MS")
    expect(described("--product-code VALUE")).toBe("default: hire_purchase, env: INBANK_PRODUCT_CODE")
    expect(described("--merchant-approval")).toBe("default: off, env: INBANK_SANDBOX_MERCHANT_APPROVAL")
    expect(help.filter((line) => line.startsWith("  --"))).toHaveLength(15)
  })
})
