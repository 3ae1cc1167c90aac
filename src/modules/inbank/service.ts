import { MedusaService } from "@medusajs/framework/utils"
import { InbankClient } from "../../lib/inbank"
import { createInbankClient, InbankOptions, parseInbankOptions, ResolvedInbankOptions } from "../../lib/plugin-options"
import { InbankApplication } from "./models/inbank-application"

/**
 * The plugin's records, and the Inbank client built from the plugin's options (Medusa passes a
 * plugin's options to the modules it ships), for routes and workflows.
 */
export default class InbankModuleService extends MedusaService({ InbankApplication }) {
  readonly options: ResolvedInbankOptions
  readonly client: InbankClient

  constructor(container: Record<string, unknown>, options: InbankOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options = parseInbankOptions(options)
    this.client = createInbankClient(this.options)
  }
}
