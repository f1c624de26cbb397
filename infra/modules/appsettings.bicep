import { compromiseResponseType, remediationActionType } from '../types.bicep'

metadata description = 'App settings of the Function App. Applied after the identity holds its roles, so that the Key Vault references and identity-based storage resolve when the app restarts with them.'

@description('Name of the Function App.')
param functionAppName string

@description('Name of the storage account used by the host and the pipeline.')
param storageAccountName string

@description('Blob endpoint of the storage account, ending with a slash.')
param blobEndpoint string

@description('Queue endpoint of the storage account, ending with a slash.')
param queueEndpoint string

@description('Table endpoint of the storage account, ending with a slash.')
param tableEndpoint string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Entra tenant id of the Microsoft 365 tenant protected.')
param tenantId string

@description('Versionless Key Vault URI of the notification client state.')
param clientStateUri string

@description('Versionless Key Vault URI of the webhook function key.')
param webhookFunctionKeyUri string

@description('Client id of the Graph app registration; empty when the app\'s managed identity calls Graph.')
param graphClientId string

@description('Versionless Key Vault URI of the Graph client secret; empty when none is used.')
param graphCredentialUri string

@description('Mail domains of the tenant.')
param acceptedDomains string[]

@description('Domains of the Exchange Online hosts that stamp the tenant\'s mail; empty for outlook.com.')
param exchangeDomains string[]

@description('Whether Exchange Online\'s check of the sender\'s domain is read.')
param transportChecksSenders bool

@description('Mailboxes the pipeline subscribes to; empty for every user Graph lists.')
param protectedMailboxes string[]

@description('The SOC\'s report mailboxes, whose mail is never moved.')
param reportMailboxes string[]

@description('Sender domains treated as malicious.')
param blockedSenderDomains string[]

@description('Link domains treated as malicious.')
param blockedUrlDomains string[]

@description('SHA-256 (hex) of attachments treated as malicious.')
param blockedAttachmentSha256 string[]

@description('Campaign ids (message fingerprints) the SOC released.')
param allowedFingerprints string[]

@description('Sender addresses or domains the SOC released.')
param allowedSenders string[]

@description('Record what would be done and touch no mailbox.')
param reportOnly bool

@description('Action on the copies of a phishing campaign.')
param phishingAction remediationActionType

@description('Action on the copies of a malware campaign.')
param malwareAction remediationActionType

@description('Action on the copies of a spam campaign.')
param spamAction remediationActionType

@description('Mailboxes a campaign may reach before it is held for the SOC.')
param maxMailboxesPerCampaign int

@description('Copies moved per hour for unapproved campaigns before the breaker holds further ones.')
param maxUnapprovedMovesPerHour int

@description('Of those, copies one mailbox\'s own appended lures may take per hour.')
param maxUnapprovedMovesPerMailboxPerHour int

@description('What happens besides the alert when a mailbox is likely compromised.')
param compromiseResponse compromiseResponseType

@description('Sessions revoked per hour across the tenant before the breaker holds further revocations.')
param maxRevocationsPerHour int

@description('NCRONTAB schedule of the reconciliation timer function.')
param reconcileSchedule string

@description('How far back the first delta read of a folder goes (d.hh:mm:ss).')
param resyncWindow string

@description('App role a SOC analyst must hold to restore or approve.')
param operatorAppRole string

@description('HTTPS URL Graph posts change notifications to.')
param notificationUrl string

@description('HTTPS URL Graph posts lifecycle notifications to.')
param lifecycleNotificationUrl string

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// .NET configuration binds "Section__List__0", "Section__List__1", ... to a list.
func indexedSettings(prefix string, values string[]) object =>
  toObject(range(0, length(values)), i => '${prefix}__${i}', i => values[i])

var hostSettings = {
  // Identity-based host storage: no connection string, no account key. FUNCTIONS_WORKER_RUNTIME and
  // FUNCTIONS_EXTENSION_VERSION are not set on Flex Consumption (functionAppConfig.runtime replaces them).
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  // Local authentication is disabled on the component: the host and the worker send telemetry with the app identity.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  // The .NET runtime compiles a hot method optimised only once 100 ms have passed without it compiling any new method.
  // Scanning meets new code for thousands of messages, so a new instance ran its first 3,125 corpus messages at 380 to
  // 400 a second with the delay and 586 to 628 without it; the settled speed is the same (README, measured figures).
  DOTNET_TC_CallCountingDelayMs: '0'
}

var pipelineSettings = {
  Tenant__TenantId: tenantId
  Tenant__ClientState: '@Microsoft.KeyVault(SecretUri=${clientStateUri})'
  Tenant__TransportChecksSenders: transportChecksSenders ? 'true' : 'false'
  Remediation__ReportOnly: reportOnly ? 'true' : 'false'
  Remediation__PhishingAction: phishingAction
  Remediation__MalwareAction: malwareAction
  Remediation__SpamAction: spamAction
  Remediation__MaxMailboxesPerCampaign: string(maxMailboxesPerCampaign)
  Remediation__MaxUnapprovedMovesPerHour: string(maxUnapprovedMovesPerHour)
  Remediation__MaxUnapprovedMovesPerMailboxPerHour: string(maxUnapprovedMovesPerMailboxPerHour)
  Compromise__Response: compromiseResponse
  Compromise__MaxRevocationsPerHour: string(maxRevocationsPerHour)
  Operators__AppRole: operatorAppRole
  Subscriptions__NotificationUrl: notificationUrl
  Subscriptions__LifecycleNotificationUrl: lifecycleNotificationUrl
  // The reconciliation timer's schedule names this setting (%Subscriptions:ReconcileSchedule%): without it the
  // Functions host cannot index the function.
  Subscriptions__ReconcileSchedule: reconcileSchedule
  Subscriptions__ResyncWindow: resyncWindow
  // The app appends this key as "code" to both URLs and Graph sends it back on every delivery. It is a Key Vault
  // reference to the same value as the host key "graph-webhooks", so the settings hold a location, not the key.
  Subscriptions__FunctionKey: '@Microsoft.KeyVault(SecretUri=${webhookFunctionKeyUri})'
}

// Without Graph__ClientId the app uses its managed identity for Graph.
var graphSettings = union(
  empty(graphClientId) ? {} : { Graph__ClientId: graphClientId },
  empty(graphCredentialUri) ? {} : { Graph__ClientSecret: '@Microsoft.KeyVault(SecretUri=${graphCredentialUri})' }
)

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(
    hostSettings,
    pipelineSettings,
    graphSettings,
    indexedSettings('Tenant__AcceptedDomains', acceptedDomains),
    indexedSettings('Tenant__ExchangeDomains', exchangeDomains),
    indexedSettings('Subscriptions__Mailboxes', protectedMailboxes),
    indexedSettings('Remediation__ReportMailboxes', reportMailboxes),
    indexedSettings('Detection__BlockedSenderDomains', blockedSenderDomains),
    indexedSettings('Detection__BlockedUrlDomains', blockedUrlDomains),
    indexedSettings('Detection__BlockedAttachmentSha256', blockedAttachmentSha256),
    indexedSettings('Detection__AllowedFingerprints', allowedFingerprints),
    indexedSettings('Detection__AllowedSenders', allowedSenders)
  )
}
