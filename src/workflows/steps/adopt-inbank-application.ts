import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INBANK_MODULE } from "../../modules/inbank"
import type InbankModuleService from "../../modules/inbank/service"

export const adoptInbankApplicationStepId = "adopt-inbank-application"

/**
 * Step: takes an application Inbank has just created (outside the workflow: the applicant's personal
 * data must not be stored with the workflow) into the workflow, so that its compensation withdraws
 * it at Inbank when a later step fails: an application the store could not record would be
 * unreachable — nothing would ever complete, refresh or cancel it. A withdrawal Inbank refuses is
 * logged for the merchant (Partner Portal), not thrown, so the rest of the undoing still runs.
 */
export const adoptInbankApplicationStep = createStep(
  adoptInbankApplicationStepId,
  (input: { application_uuid: string }) => new StepResponse(input.application_uuid, input.application_uuid),
  async (applicationUuid, { container }) => {
    if (!applicationUuid) return
    await container
      .resolve<InbankModuleService>(INBANK_MODULE)
      .withdrawApplication(applicationUuid)
      .catch((error: Error) => {
        container
          .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
          .warn(
            `Inbank: could not withdraw the unrecorded application ${applicationUuid} (${error.message}); cancel it in Inbank's Partner Portal`,
          )
      })
  },
)
