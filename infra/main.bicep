metadata description = 'One tenant\'s email-security pipeline for Microsoft 365: Flex Consumption Function App, storage queues and tables, Key Vault, Application Insights and SOC alert rules.'

import { compromiseResponseType, remediationActionType } from 'types.bicep'

// ---------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Short prefix of every resource name: 2-10 lowercase letters or digits, starting with a letter (e.g. "contoso").')
@minLength(2)
@maxLength(10)
param namePrefix string

@description('Entra tenant id of the Microsoft 365 tenant protected. Notifications from any other tenant are refused. With the managed identity as Graph principal it must be the tenant of this subscription.')
param tenantId string = tenant().tenantId

@description('Mail domains of the tenant (e.g. ["contoso.com"]): recipients there have mailboxes the pipeline acts in.')
@minLength(1)
param acceptedDomains string[]

@description('Domains of the Exchange Online hosts that stamp the tenant\'s mail: empty for the worldwide cloud (outlook.com); a sovereign cloud names its own.')
param exchangeDomains string[] = []

@description('Read Exchange Online\'s check of each sender\'s domain (compauth, DMARC). Set false when mail reaches Exchange Online through another gateway without Enhanced Filtering for Connectors: transport then checks the gateway, not the sender.')
param transportChecksSenders bool = true

@description('Email addresses the SOC receives alerts at.')
param alertEmailAddresses string[] = []

@description('Optional HTTPS webhook (SOAR, chat, ticketing) called for every alert with the common alert schema. It often embeds a token, hence secure.')
@secure()
param alertWebhookUrl string = ''

// Its 32-character minimum is enforced by the Key Vault module, so that a parameters file reading an unset
// environment variable still compiles and the deployment, not the build, refuses the empty value.
@description('The clientState Graph echoes in every change notification: 32-128 random characters. Stored in Key Vault only.')
@secure()
@maxLength(128)
param notificationClientState string

// Its 32-character minimum is enforced by the Key Vault module, like the client state's.
@description('Function key Graph presents on every notification (the app appends it to the notification URLs as "code"): 32-128 random characters. Stored in Key Vault and set as the host key "graph-webhooks".')
@secure()
@maxLength(128)
param webhookFunctionKey string

@description('Client id of the Entra app registration SOC analysts sign in to (infra/README.md, "Give the SOC its sign-in"). Restore and approve demand a token for it carrying the operator app role.')
param operatorAppClientId string

@description('Entra tenant of that app registration: where SOC analysts sign in.')
param operatorTenantId string = tenant().tenantId

@description('App role of that registration a caller must hold to restore or approve.')
param operatorAppRole string = 'Remediation.Operator'

@description('Optional client id of an Entra app registration used to call Graph. Empty: the Function App\'s managed identity is the Graph principal.')
param graphClientId string = ''

@description('Client secret of that app registration (stored in Key Vault); only with graphClientId.')
@secure()
param graphClientSecret string = ''

@description('Mailboxes the pipeline subscribes to (ids or user principal names). Empty: every user Graph lists. Keep it in line with the Exchange Online management scope, or out-of-scope mailboxes raise SubscriptionRenewalFailed.')
param protectedMailboxes string[] = []

@description('The SOC\'s report mailboxes (addresses; an alias or a list stands for the mailboxes behind it): users forward phish there, so their mail is scanned and alerted on but never moved.')
param reportMailboxes string[] = []

@description('Sender domains whose mail is malicious (subdomains included).')
param blockedSenderDomains string[] = []

@description('Link domains that make a message malicious (subdomains included).')
param blockedUrlDomains string[] = []

@description('SHA-256 (hex) of attachments known to be malicious, also matched inside archives.')
param blockedAttachmentSha256 string[] = []

@description('Campaign ids (message fingerprints) the SOC released: such messages are clean whatever the rules say.')
param allowedFingerprints string[] = []

@description('Sender addresses or domains the SOC released; they count only for mail that came through the tenant\'s transport.')
param allowedSenders string[] = []

@description('Record what would be done and touch no mailbox. A new deployment starts this way: review the MessageRemediated events (Outcome ReportOnly), then set it to false.')
param reportOnly bool = true

@description('What happens to the copies of a phishing campaign: Quarantine (hidden folder of the mailbox), MoveToJunk or SoftDelete (Recoverable Items).')
param phishingAction remediationActionType = 'Quarantine'

@description('What happens to the copies of a malware campaign.')
param malwareAction remediationActionType = 'Quarantine'

@description('What happens to the copies of a spam campaign.')
param spamAction remediationActionType = 'MoveToJunk'

@description('A campaign reaching more mailboxes than this is held (CampaignHeld alert) until the SOC approves it.')
@minValue(1)
@maxValue(1000000)
param maxMailboxesPerCampaign int = 500

@description('Copies moved or deleted per hour across the tenant for campaigns the SOC did not approve; beyond it copies stay, audited as HeldByBreaker (CircuitBreakerTripped alert).')
@minValue(0)
@maxValue(1000000)
param maxUnapprovedMovesPerHour int = 5000

@description('Of those, copies one mailbox\'s own appended lures may take per hour, so an appender flooding one stolen mailbox cannot spend the tenant\'s budget (CircuitBreakerTripped alert naming the mailbox).')
@minValue(0)
@maxValue(1000000)
param maxUnapprovedMovesPerMailboxPerHour int = 250

@description('What happens besides the alert when a mailbox is likely compromised. RevokeSessions needs the Graph permission User.RevokeSessions.All.')
param compromiseResponse compromiseResponseType = 'AlertOnly'

@description('Sessions revoked per hour across the tenant; beyond it likely compromised mailboxes are alerted on only (CircuitBreakerTripped alert).')
@minValue(0)
@maxValue(1000)
param maxRevocationsPerHour int = 10

@description('When every registered mailbox is resynced (NCRONTAB, six fields): Graph can drop notifications without a lifecycle event. A quiet mailbox costs one Graph request per folder.')
param reconcileSchedule string = '0 0 */6 * * *'

@description('How far back the first delta read of a folder goes (d.hh:mm:ss), so a new deployment does not queue years of mail.')
param resyncWindow string = '7.00:00:00'

@description('Upper bound of Flex Consumption instances. Graph limits each mailbox to 4 concurrent requests whatever the instance count.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Instances kept warm for the HTTP functions, so that Graph never meets a cold start: an endpoint slow in more than 10 % of its answers gets notifications late, above 15 % loses them. 0 saves the cost and accepts that risk.')
@minValue(0)
@maxValue(10)
param httpAlwaysReadyInstances int = 1

@description('Memory of each Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Replication of the storage account: Standard_ZRS where the region has availability zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Days the Log Analytics workspace keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('Notifications or requests the webhook refuses in 5 minutes above which the spike alert fires.')
@minValue(1)
param webhookRejectThreshold int = 20

@description('Tags applied to every resource.')
param tags object = {}

// ---------------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------------

// Stable per resource group and prefix, so that a redeployment updates the same resources.
var suffix = uniqueString(resourceGroup().id, namePrefix)
var names = {
  storageAccount: take('${toLower(replace(namePrefix, '-', ''))}${suffix}', 24)
  keyVault: take('${namePrefix}-kv-${suffix}', 24)
  functionApp: '${namePrefix}-func-${suffix}'
  plan: '${namePrefix}-plan'
  workspace: '${namePrefix}-log'
  appInsights: '${namePrefix}-appi'
}

// Shared with the code: WorkQueueNames.All and TableNames.All (the infrastructure tests compare them).
var workQueueNames = [
  'scan-requests'
  'campaigns'
  'remediation-jobs'
  'subscription-events'
  'session-revocations'
  'hunts'
]
var tableNames = [
  'verdicts'
  'subscriptions'
  'campaigns'
  'messageindex'
  'hunts'
  'audit'
  'compromise'
  'breakers'
  'hiddenfolders'
]

// The host-level function key Graph carries in the notification URLs. It opens the two webhooks and nothing else:
// the SOC's functions (Restore, Approve) demand an Entra sign-in with the operator role, not a key.
var webhookKeyName = 'graph-webhooks'

// ---------------------------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------------------------

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storageAccount
    location: location
    skuName: storageSkuName
    workQueueNames: workQueueNames
    tableNames: tableNames
    deploymentContainerName: 'app-package'
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    name: names.keyVault
    location: location
    notificationClientState: notificationClientState
    webhookFunctionKey: webhookFunctionKey
    graphClientSecret: graphClientSecret
    storeGraphClientSecret: !empty(graphClientSecret)
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    maximumInstanceCount: maximumInstanceCount
    httpAlwaysReadyInstances: httpAlwaysReadyInstances
    instanceMemoryMB: instanceMemoryMB
    azdServiceName: 'functions'
    tags: tags
  }
}

module authentication 'modules/authentication.bicep' = {
  name: 'authentication'
  // The name comes from a variable so that What-If can predict the resource; the app is an explicit dependency.
  dependsOn: [
    functionApp
  ]
  params: {
    functionAppName: names.functionApp
    clientId: operatorAppClientId
    tenantId: operatorTenantId
  }
}

module appAccess 'modules/app-access.bicep' = {
  name: 'appAccess'
  // Names come from variables (known before deployment) so that What-If can predict the assignments; the modules
  // creating the vault and the component are therefore explicit dependencies (storage precedes the app anyway).
  dependsOn: [
    keyVault
    monitoring
  ]
  params: {
    // The identity exists only once the app does. Role assignment names include it (a recreated app gets new
    // assignments instead of a conflict), so What-If cannot predict them before the app is deployed.
    #disable-next-line what-if-short-circuiting
    principalId: functionApp.outputs.principalId
    storageAccountName: names.storageAccount
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
  }
}

var notificationUrl = 'https://${functionApp.outputs.defaultHostName}/api/notifications'

module appSettings 'modules/appsettings.bicep' = {
  name: 'appSettings'
  // The settings restart the app: its identity must already read the vault and the storage account.
  dependsOn: [
    appAccess
  ]
  params: {
    functionAppName: names.functionApp
    storageAccountName: names.storageAccount
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    appInsightsName: names.appInsights
    tenantId: tenantId
    clientStateUri: keyVault.outputs.clientStateUri
    webhookFunctionKeyUri: keyVault.outputs.webhookFunctionKeyUri
    graphClientId: graphClientId
    graphCredentialUri: keyVault.outputs.graphCredentialUri
    acceptedDomains: acceptedDomains
    exchangeDomains: exchangeDomains
    transportChecksSenders: transportChecksSenders
    protectedMailboxes: protectedMailboxes
    reportMailboxes: reportMailboxes
    blockedSenderDomains: blockedSenderDomains
    blockedUrlDomains: blockedUrlDomains
    blockedAttachmentSha256: blockedAttachmentSha256
    allowedFingerprints: allowedFingerprints
    allowedSenders: allowedSenders
    reportOnly: reportOnly
    phishingAction: phishingAction
    malwareAction: malwareAction
    spamAction: spamAction
    maxMailboxesPerCampaign: maxMailboxesPerCampaign
    maxUnapprovedMovesPerHour: maxUnapprovedMovesPerHour
    maxUnapprovedMovesPerMailboxPerHour: maxUnapprovedMovesPerMailboxPerHour
    compromiseResponse: compromiseResponse
    maxRevocationsPerHour: maxRevocationsPerHour
    reconcileSchedule: reconcileSchedule
    resyncWindow: resyncWindow
    operatorAppRole: operatorAppRole
    notificationUrl: notificationUrl
    lifecycleNotificationUrl: 'https://${functionApp.outputs.defaultHostName}/api/lifecycle'
  }
}

module webhookKey 'modules/webhook-key.bicep' = {
  name: 'webhookKey'
  // The host keeps its keys in the storage account the settings point it to: the key follows the settings.
  dependsOn: [
    appSettings
  ]
  params: {
    functionAppName: names.functionApp
    keyName: webhookKeyName
    keyValue: webhookFunctionKey
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: namePrefix
    location: location
    workspaceResourceId: monitoring.outputs.workspaceResourceId
    alertEmailAddresses: alertEmailAddresses
    alertWebhookUrl: alertWebhookUrl
    webhookRejectThreshold: webhookRejectThreshold
    tags: tags
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs (no secrets)
// ---------------------------------------------------------------------------------------------------------------

@description('Name of the Function App (target of the publish step).')
output functionAppName string = functionApp.outputs.name

@description('Resource id of the Function App.')
output functionAppResourceId string = functionApp.outputs.resourceId

@description('Object id of the Function App\'s managed identity: grant it the Graph permissions after deployment.')
output principalId string = functionApp.outputs.principalId

@description('URL Graph posts change notifications to (the app appends the webhook function key).')
output notificationUrl string = notificationUrl

@description('Name of the Key Vault holding the notification client state and the webhook function key.')
output keyVaultName string = keyVault.outputs.name
