import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { BadgeColor, StaffState } from "../../lib/financing/staff-state"
import { sdk } from "./sdk"

export type { StaffState }

export interface Financing {
  order_id: string
  /** Inbank answered 404 for the application: the state shown is the last known one. */
  unknown_at_inbank: boolean
  state: StaffState
  color: BadgeColor
  application: { uuid: string; number: string | null; decision_status: string }
  contract: { uuid: string; number: string | null; status: string | null; process_status: string | null } | null
  amount: string
  period: number
  offer: { monthly_payment?: string; apr?: string | null; total_cost?: string | null } | null
  dates: { applied_at: string; updated_at: string; synced_at: string | null }
  callbacks: { type: string; status: string; sent_at: string; processed_at: string | null; outcome: string | null }[]
  actions: { approve: boolean; cancel: boolean; printout: boolean }
}

export interface QueueRow {
  id: string
  order_id: string | null
  display_id: number | null
  customer_name: string | null
  application_number: string | null
  contract_number: string | null
  amount: string
  period: number
  state: StaffState
  color: Financing["color"]
  applied_at: string
  updated_at: string
  actions: { cancel: boolean }
}

export interface QueuePage {
  applications: QueueRow[]
  count: number
  limit: number
  offset: number
}

const key = (orderId: string) => ["inbank-financing", orderId]

/** null for orders not paid with Inbank (the route answers 404). */
export function useFinancing(orderId: string) {
  return useQuery({
    queryKey: key(orderId),
    queryFn: async () => {
      try {
        return (await sdk.client.fetch<{ financing: Financing }>(`/admin/inbank/orders/${orderId}`)).financing
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null
        throw error
      }
    },
  })
}

export function useFinancingAction(orderId: string, action: "approve" | "cancel" | "refresh") {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async () =>
      (
        await sdk.client.fetch<{ financing: Financing }>(`/admin/inbank/orders/${orderId}/${action}`, {
          method: "POST",
        })
      ).financing,
    onSuccess: (financing) => {
      client.setQueryData(key(orderId), financing)
      // The order and queue lists refetch in the background; this widget already shows the answer.
      void client.invalidateQueries({ queryKey: ["orders"] })
      void client.invalidateQueries({ queryKey: ["inbank-queue"] })
    },
  })
}

export function usePrintout(orderId: string) {
  return useMutation({
    mutationFn: async () => (await sdk.client.fetch<{ link: string }>(`/admin/inbank/orders/${orderId}/printout`)).link,
  })
}

/** A page of the financing queue (`state` filters; awaiting approval first, then the newest). */
export function useQueue({ state, limit, offset }: { state?: StaffState; limit: number; offset: number }) {
  return useQuery({
    queryKey: ["inbank-queue", state ?? "all", limit, offset],
    queryFn: async () =>
      sdk.client.fetch<QueuePage>("/admin/inbank/applications", { query: { limit, offset, ...(state && { state }) } }),
  })
}

/** Cancels at Inbank the financing of an application without an order (the queue's action). */
export function useCancelApplication() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (id: string) =>
      (await sdk.client.fetch<{ application: QueueRow }>(`/admin/inbank/applications/${id}/cancel`, { method: "POST" }))
        .application,
    onSuccess: () => client.invalidateQueries({ queryKey: ["inbank-queue"] }),
  })
}
