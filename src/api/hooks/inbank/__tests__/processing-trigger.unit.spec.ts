import type { IEventBusModuleService, Logger } from "@medusajs/framework/types"
import { CALLBACKS_RECORDED_EVENT } from "../../../../modules/inbank"
import { triggerProcessing } from "../processing-trigger"

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

function fakes(emit: jest.Mock) {
  const eventBus = { emit } as unknown as IEventBusModuleService
  const warn = jest.fn()
  const logger = { warn } as unknown as Logger
  return { eventBus, logger, warn }
}

describe("triggerProcessing", () => {
  it("sends the callbacks recorded within the window in one event", async () => {
    const emit = jest.fn().mockResolvedValue(undefined)
    const { eventBus, logger } = fakes(emit)
    for (const id of ["inbcb_1", "inbcb_2", "inbcb_3"]) triggerProcessing(eventBus, logger, id)
    expect(emit).not.toHaveBeenCalled()
    await settle()
    expect(emit).toHaveBeenCalledTimes(1)
    expect(emit).toHaveBeenCalledWith({
      name: CALLBACKS_RECORDED_EVENT,
      data: { ids: ["inbcb_1", "inbcb_2", "inbcb_3"] },
    })
  })

  it("starts a new event for callbacks recorded after the window", async () => {
    const emit = jest.fn().mockResolvedValue(undefined)
    const { eventBus, logger } = fakes(emit)
    triggerProcessing(eventBus, logger, "inbcb_1")
    await settle()
    triggerProcessing(eventBus, logger, "inbcb_2")
    await settle()
    expect(emit.mock.calls.map(([message]) => message.data.ids)).toEqual([["inbcb_1"], ["inbcb_2"]])
  })

  it("logs one warning naming the callbacks when the event bus fails, and rejects nothing", async () => {
    const emit = jest.fn().mockRejectedValue(new Error("Redis is down"))
    const { eventBus, logger, warn } = fakes(emit)
    const unhandled = jest.fn()
    process.on("unhandledRejection", unhandled)
    triggerProcessing(eventBus, logger, "inbcb_1")
    triggerProcessing(eventBus, logger, "inbcb_2")
    await settle()
    process.off("unhandledRejection", unhandled)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toContain("inbcb_1, inbcb_2")
    expect(warn.mock.calls[0][0]).toContain("Redis is down")
    expect(unhandled).not.toHaveBeenCalled()
  })
})
