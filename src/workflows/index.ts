/**
 * The plugin's Medusa workflows, for a store's own code (`medusa-payment-inbank/workflows`), with
 * their ids and input types, and the names of the events the plugin emits.
 */
export {
  applyInbankStateWorkflow,
  applyInbankStateWorkflowId,
  type ApplyInbankStateWorkflowInput,
  type AppliedState,
  type InbankStateEventData,
} from "./apply-inbank-state"
export {
  cancelInbankFinancingWorkflow,
  cancelInbankFinancingWorkflowId,
  type CancelInbankFinancingWorkflowInput,
} from "./cancel-inbank-financing"
export {
  cancelInbankApplicationWorkflow,
  cancelInbankApplicationWorkflowId,
  type CancelInbankApplicationWorkflowInput,
} from "./cancel-inbank-application"
export {
  notifyInbankApprovalWorkflow,
  notifyInbankApprovalWorkflowId,
  sendInbankApprovalNotice,
  type NotifyInbankApprovalWorkflowInput,
} from "./notify-inbank-approval"
export {
  submitInbankApplicationWorkflow,
  submitInbankApplicationWorkflowId,
  type SubmitInbankApplicationWorkflowInput,
} from "./submit-inbank-application"
export { InbankEvents } from "../lib/financing/announcements"
