metadata description = 'Log Analytics workspace and the workspace-based Application Insights component the pipeline reports to.'

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Azure region of both resources.')
param location string

@description('Days the workspace keeps telemetry (the audit trail of alerts and remediations).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags applied to every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Only Entra-authenticated telemetry is accepted: the connection string alone cannot be used to forge or flood
    // the events the alert rules act on. Both the Functions host and the isolated worker's Application Insights
    // package honour APPLICATIONINSIGHTS_AUTHENTICATION_STRING=Authorization=AAD with the app's managed identity,
    // which holds Monitoring Metrics Publisher on this component.
    DisableLocalAuth: true
  }
}

@description('Resource id of the Log Analytics workspace (the alert rules query its AppEvents table).')
output workspaceResourceId string = workspace.id

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name

@description('Resource id of the Application Insights component.')
output appInsightsResourceId string = appInsights.id
