// Example parameters: replace the placeholder names and domains with the tenant's own.
// Secrets are never written here: they are read from environment variables when the file is compiled.
using './main.bicep'

param namePrefix = 'contoso'

param acceptedDomains = [
  'contoso.example'
]

param alertEmailAddresses = [
  'soc@contoso.example'
]

// Unset, it is empty and the deployment refuses it (32 characters at least): there is no usable default for a secret.
param notificationClientState = readEnvironmentVariable('NOTIFICATION_CLIENT_STATE', '')

// Same rule: 32-128 characters, e.g. `openssl rand -hex 32`. Stored in Key Vault and set as the app's host key.
param webhookFunctionKey = readEnvironmentVariable('WEBHOOK_FUNCTION_KEY', '')

param alertWebhookUrl = readEnvironmentVariable('ALERT_WEBHOOK_URL', '')

// The app registration SOC analysts sign in to (infra/README.md, "Give the SOC its sign-in"): its client id.
param operatorAppClientId = readEnvironmentVariable('OPERATOR_APP_CLIENT_ID', '')

// Empty: the Function App's managed identity calls Graph. Set both to use an app registration instead.
param graphClientId = ''
param graphClientSecret = readEnvironmentVariable('GRAPH_CLIENT_SECRET', '')

param blockedSenderDomains = [
  'phish.example'
]

param blockedUrlDomains = [
  'credential-harvest.example'
]

// A new deployment records what it would do; set reportOnly to false after reviewing the MessageRemediated events.
param reportOnly = true
param phishingAction = 'Quarantine'
param malwareAction = 'Quarantine'
param spamAction = 'MoveToJunk'
param maxMailboxesPerCampaign = 500
// Ten campaigns at the size above an hour; a rule gone wrong stops here until the SOC looks.
param maxUnapprovedMovesPerHour = 5000

// RevokeSessions also signs a likely compromised user out everywhere (Graph permission User.RevokeSessions.All).
param compromiseResponse = 'AlertOnly'
// At most this many users signed out per hour by the pipeline; the rest are alerted on only.
param maxRevocationsPerHour = 10

// Every registered mailbox resynced every 6 hours (Graph may drop notifications unannounced); the first read of a
// folder goes back 7 days.
param reconcileSchedule = '0 0 */6 * * *'
param resyncWindow = '7.00:00:00'

param maximumInstanceCount = 40

param tags = {
  workload: 'mail-remediation'
}
