import { orderApplications } from "../order-financing"

describe("orderApplications", () => {
  it("answers an order's records newest first, to the millisecond, as query.graph gives created_at (Date or ISO text)", () => {
    const order = {
      cart: {
        inbank_application: [
          { id: "older", created_at: new Date("2026-12-01T10:00:00.100Z") },
          { id: "newest", created_at: "2026-12-01T10:00:00.300Z" },
          { id: "middle", created_at: new Date("2026-12-01T10:00:00.200Z") },
        ],
      },
    }
    expect(orderApplications(order).map((record) => record.id)).toEqual(["newest", "middle", "older"])
    expect(order.cart.inbank_application[0].id).toBe("older")
  })

  it("answers none for an order without a cart or records, or no order", () => {
    expect(orderApplications(undefined)).toEqual([])
    expect(orderApplications({ cart: null })).toEqual([])
    expect(orderApplications({ cart: { inbank_application: null } })).toEqual([])
  })
})
