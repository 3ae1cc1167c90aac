import { createPaymentCollectionForCartWorkflow } from "@medusajs/core-flows"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { InbankError, toInbankAmount } from "inbank-partner-api"
import type { CreatedApplication, FetchedState } from "inbank-partner-api"
import { INBANK_MODULE } from "../../../../../../modules/inbank"
import type InbankModuleService from "../../../../../../modules/inbank/service"
import type { InbankApplicationRecord } from "../../../../../../lib/financing/record-state"
import { consumeLimits } from "../../../../../abuse-limits"
import { storeRefusal } from "../../../../../messages/refusal"
import { withStoreRefusals } from "../../../../../with-store-refusals"
import { INBANK_PROVIDER_ID } from "../cart-application"
import { CartForApplication, loadCartForApplication } from "./cart-for-application"
import { applicantToInbank } from "./applicant-to-inbank"
import { submitInbankApplicationWorkflow } from "../../../../../../workflows/submit-inbank-application"
import { checkOffer } from "./check-offer"
import { oneApplicationAtATime } from "./one-at-a-time"
import { stateView } from "../state-view"
import type { StoreInbankApplicationType } from "../validators"
import { maskPhone } from "../../../../../../lib/financing/sms-signing"

/**
 * Submits the shopper's credit application to Inbank and makes it the cart's Inbank payment
 * session. The applicant's personal data goes to Inbank here, outside any workflow, and is not kept
 * (the record holds keyed hashes of the phone and PESEL, which the abuse limits count by). Limited per
 * client address, cart, identity and phone (option `rateLimits.application`): 429 with Retry-After.
 * One submission per cart at a time: 409 `application_in_progress` for a second one meanwhile; none
 * once the cart's contract is signed: 409 `contract_signed`.
 */
export const POST = withStoreRefusals(
  oneApplicationAtATime(async (req: MedusaRequest<StoreInbankApplicationType>, res: MedusaResponse) => {
    const inbank = req.scope.resolve<InbankModuleService>(INBANK_MODULE)
    const body = req.validatedBody
    // Independent reads at once: the shopper waits for the slowest, not for their sum.
    const [cart, previous, range] = await Promise.all([
      loadCartForApplication(req.scope, req.params.id),
      inbank.newestCartRecord(req.params.id),
      inbank.offerRange(),
    ])
    if (cart.completed_at) throw storeRefusal("cart_completed", { field: "cart_id" })
    if (cart.currency_code.toLowerCase() !== "pln")
      throw storeRefusal("currency_not_supported", { field: "currency_code" })
    // Medusa refuses the session of a provider its region lacks, but only after Inbank has the applicant's data.
    if (!cart.region?.payment_providers?.some((provider) => provider.id === INBANK_PROVIDER_ID)) {
      throw storeRefusal("region_without_inbank", { field: "region_id" })
    }
    if (inbank.missingConsents(body.consents).length) throw storeRefusal("consent_required", { field: "consents" })
    // A signed contract is the shopper's credit for this cart: a new application would replace its
    // session, and an activated contract cannot be cancelled (G3), so it would stay financed with no order.
    if (previous && (previous.contract_status === "signed" || previous.contract_status === "activated")) {
      throw storeRefusal("contract_signed", { field: "cart_id" })
    }

    const collection = await ensurePaymentCollection(req, cart)
    const amount = toInbankAmount(collection.raw_amount)
    const period = checkOffer(amount, body.period, range, inbank.settings)

    // Counted here, once nothing of the store's own refuses the application: each one counted is an
    // inquiry at Inbank in the applicant's name.
    const personKeys = inbank.personKeys(body.applicant)
    await consumeLimits(req.scope, "application", {
      perIp: inbank.addressKey(req.ip),
      perCart: cart.id,
      perIdentity: personKeys.identity_hash,
      perPhone: personKeys.phone_hash,
    })

    const created = await inbank.submitApplication(
      applicantToInbank(body, {
        productCode: inbank.settings.productCode,
        amount,
        period,
        items: cart.items,
        shippingTotal: cart.shipping_total,
        callbackUrl: inbank.callbackUrl(),
      }),
    )

    // Inbank may change the conditions at once (a new UUID with another period): the record keeps what it finances.
    const financedPeriod = created.period ?? period
    // The create answer carries the decision: Inbank is read (6. GET application) only while it is
    // pending, meanwhile the store records the application (the shopper waits for the longer of the
    // two). A positive answer's offer figures come from the instalment calculation for its amount and
    // period (1. POST /calculations, cached ten minutes), the one the shop's product pages show.
    const firstRead: Promise<
      { fetched: FetchedState } | { offer: Record<string, unknown> | null } | { error: unknown }
    > =
      created.decisionStatus === "pending"
        ? inbank.readInbank(created.uuid).then(
            (fetched) => ({ fetched }),
            (error: unknown) => ({ error }),
          )
        : offerOf(inbank, created, amount, financedPeriod).then(
            (offer) => ({ offer }),
            (error: unknown) => ({ error }),
          )
    let submitted: { record: InbankApplicationRecord; sessionId: string }
    try {
      const { result } = await submitInbankApplicationWorkflow(req.scope).run({
        input: {
          record: {
            cart_id: cart.id,
            payment_collection_id: collection.id,
            application_uuid: created.uuid,
            previous_uuids: { uuids: created.previousUuid ? [created.previousUuid] : [] },
            application_number: created.number ?? null,
            amount,
            period: financedPeriod,
            decision_status: created.decisionStatus,
            ...personKeys,
            phone_masked: maskPhone(body.applicant.mobile),
          },
          session_data: {
            application_uuid: created.uuid,
            application_number: created.number ?? null,
            payment_collection_id: collection.id,
            binding: inbank.bindSession({ applicationUuid: created.uuid, paymentCollectionId: collection.id, amount }),
          },
        },
      })
      submitted = { record: result.record, sessionId: result.session.id }
    } catch (error) {
      // The workflow's compensation withdrew the application at Inbank and removed what landed.
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(
          `Inbank: application ${created.uuid} could not be recorded and is withdrawn: ${(error as Error).message}`,
        )
      throw storeRefusal("application_not_recorded", { retryAfterSeconds: 1 })
    }
    // The application exists: an Inbank failing to answer the first read must not make the shopper apply
    // twice. The state route reads again.
    const read = await firstRead
    if ("error" in read && !(read.error instanceof InbankError)) throw read.error
    const sessionField = { payment_session_id: submitted.sessionId }
    const current =
      "fetched" in read
        ? await inbank.saveFetched(submitted.record, read.fetched, sessionField)
        : await inbank.saveRecord(
            { id: submitted.record.id, ...sessionField, ...("offer" in read && { offer: read.offer }) },
            submitted.record,
          )
    res.status(201).json(stateView(inbank, current, false))
  }),
)

/**
 * The offer of a positive create answer, in the record's shape (record-state.ts), from Inbank's calculation; null for
 * any other decision.
 */
async function offerOf(
  inbank: InbankModuleService,
  created: CreatedApplication,
  amount: string,
  period: number,
): Promise<Record<string, unknown> | null> {
  if (created.decisionStatus !== "positive") return null
  const calculation = await inbank.calculate(amount, period)
  return {
    amount: calculation.amount ?? created.amount ?? amount,
    period: calculation.period ?? created.period ?? period,
    monthly_payment: calculation.paymentAmountMonthly,
    interest_rate_annual: calculation.interestRateAnnual ?? null,
    apr: calculation.creditCostRateAnnual ?? null,
    total_cost: calculation.totalCost ?? null,
    total_cost_of_credit: calculation.totalCostOfCredit ?? null,
    offer_valid_to: null,
  }
}

/** The cart's payment collection, created as Medusa's own route does when the cart has none yet. */
async function ensurePaymentCollection(
  req: MedusaRequest,
  cart: CartForApplication,
): Promise<NonNullable<CartForApplication["payment_collection"]>> {
  if (cart.payment_collection) return cart.payment_collection
  const { result } = await createPaymentCollectionForCartWorkflow(req.scope).run({ input: { cart_id: cart.id } })
  // The exact amount: the DTO's `amount` may be a rounded number, its stored raw form is not.
  return { id: result.id, raw_amount: (result as unknown as { raw_amount: { value: string } }).raw_amount }
}
