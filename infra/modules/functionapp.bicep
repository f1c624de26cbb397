metadata description = 'Flex Consumption plan and the Function App (.NET isolated worker) with its system-assigned identity. App settings are applied by appsettings.bicep once the identity holds its roles.'

@description('Name of the Function App (globally unique: it is the default host name).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Blob endpoint of the storage account holding the deployment container, ending with a slash.')
param blobEndpoint string

@description('Blob container the Flex Consumption platform deploys the app package from.')
param deploymentContainerName string

@description('Upper bound of instances the platform scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Instances always ready for the HTTP trigger group (the webhook among them); 0 for none.')
@minValue(0)
param httpAlwaysReadyInstances int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Service of azure.yaml that azd publishes to this app (its azd-service-name tag).')
param azdServiceName string

@description('Tags applied to every resource.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  // azd looks the app up by this tag and wants exactly one resource carrying it, so the plan does not.
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Graph must reach the webhook from the internet.
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // Graph counts a cold start's late answer against the webhook; a warm instance answers at once.
        alwaysReady: httpAlwaysReadyInstances > 0 ? [
          {
            name: 'http'
            instanceCount: httpAlwaysReadyInstances
          }
        ] : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Publishing goes through Entra ID (az / func with a signed-in identity); no FTP or SCM basic-auth passwords exist.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the Function App.')
output name string = functionApp.name

@description('Resource id of the Function App.')
output resourceId string = functionApp.id

@description('Object id of the app\'s system-assigned identity.')
output principalId string = functionApp.identity.principalId

@description('Default host name of the app (may carry a platform-generated suffix).')
output defaultHostName string = functionApp.properties.defaultHostName
