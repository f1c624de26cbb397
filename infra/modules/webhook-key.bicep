metadata description = 'Host-level function key of the Function App that Graph presents on every notification ("code" in the notification URLs).'

@description('Name of the Function App.')
param functionAppName string

@description('Name of the host key.')
param keyName string

@description('Value of the key: the value of the webhook-function-key secret the app appends to the notification URLs.')
@secure()
param keyValue string

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

// The host and its keys are ARM proxy resources that the Bicep type library does not describe (BCP081). The body
// is the KeyInfo of the documented "Web Apps - Create Or Update Host Secret" operation.
#disable-next-line BCP081
resource host 'Microsoft.Web/sites/host@2025-03-01' existing = {
  parent: functionApp
  name: 'default'
}

// A host key opens every function at AuthorizationLevel.Function (the two webhooks) but not the admin-level
// Restore and Approve, which only the master key opens.
#disable-next-line BCP081
resource webhookKey 'Microsoft.Web/sites/host/functionKeys@2025-03-01' = {
  parent: host
  name: keyName
  properties: {
    name: keyName
    value: keyValue
  }
}
