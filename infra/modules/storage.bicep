metadata description = 'Storage account of the Functions host and the pipeline: work queues with their poison queues, tables, and the Flex Consumption deployment container.'

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Replication: Standard_ZRS survives a zone outage where the region has zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param skuName string

@description('Work queues of the pipeline; a "<name>-poison" queue is created next to each one.')
param workQueueNames string[]

@description('Tables the pipeline keeps its state in.')
param tableNames string[]

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Tags applied to every resource.')
param tags object

// Poison queues exist up front so that alerts, dashboards and operators can rely on them before the first failure.
var queueNames = flatten(map(workQueueNames, queue => [queue, '${queue}-poison']))

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    // Every client (host, worker, deployment) authenticates with Entra ID; no account keys to leak or rotate.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Flex Consumption without virtual network integration reaches the account over its public endpoint.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storageAccount
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: storageAccount
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: storageAccount
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

@description('Name of the storage account.')
output name string = storageAccount.name

@description('Resource id of the storage account.')
output resourceId string = storageAccount.id

@description('Blob endpoint, ending with a slash.')
output blobEndpoint string = storageAccount.properties.primaryEndpoints.blob

@description('Queue endpoint, ending with a slash.')
output queueEndpoint string = storageAccount.properties.primaryEndpoints.queue

@description('Table endpoint, ending with a slash.')
output tableEndpoint string = storageAccount.properties.primaryEndpoints.table

@description('Name of the deployment package container.')
output deploymentContainerName string = deploymentContainer.name
