metadata description = 'Key Vault holding the secrets the Function App resolves through Key Vault references.'

@description('Name of the vault (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('The clientState Graph echoes in every change notification (32-128 characters).')
@secure()
@minLength(32)
@maxLength(128)
param notificationClientState string

@description('Function key Graph presents on every notification (32-128 characters).')
@secure()
@minLength(32)
@maxLength(128)
param webhookFunctionKey string

@description('Client secret of the Graph app registration; ignored unless storeGraphClientSecret.')
@secure()
param graphClientSecret string

@description('Whether a Graph app registration secret is given and must be stored.')
param storeGraphClientSecret bool

@description('Tags applied to every resource.')
param tags object

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    // The vault lives in the tenant of the subscription (where the app's identity lives), not necessarily in the
    // Microsoft 365 tenant the pipeline protects.
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Azure RBAC instead of access policies: the app gets Key Vault Secrets User and nothing else.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // A deleted or overwritten client state must stay recoverable: without it every notification is refused.
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // The Flex Consumption app resolves references over the public endpoint (no virtual network here).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource clientStateSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = {
  parent: vault
  name: 'notification-client-state'
  properties: {
    value: notificationClientState
    contentType: 'text/plain'
  }
}

// The app reads the key from here; the host key of the same value is set by webhook-key.bicep.
resource webhookFunctionKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = {
  parent: vault
  name: 'webhook-function-key'
  properties: {
    value: webhookFunctionKey
    contentType: 'text/plain'
  }
}

resource graphCredential 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (storeGraphClientSecret) {
  parent: vault
  name: 'graph-client-secret'
  properties: {
    value: graphClientSecret
    contentType: 'text/plain'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Resource id of the vault.')
output resourceId string = vault.id

// Versionless URIs: the app picks up a rotated value without a redeployment.
@description('Versionless URI of the notification client state (a location, not the value).')
output clientStateUri string = clientStateSecret.properties.secretUri

@description('Versionless URI of the webhook function key (a location, not the value).')
output webhookFunctionKeyUri string = webhookFunctionKeySecret.properties.secretUri

@description('Versionless URI of the Graph client secret (a location, not the value); empty when none was given.')
output graphCredentialUri string = storeGraphClientSecret ? graphCredential!.properties.secretUri : ''
