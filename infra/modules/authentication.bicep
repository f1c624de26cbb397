metadata description = 'App Service authentication (Entra ID) on the Function App: it validates SOC analysts\' bearer tokens and passes their claims to the functions. Anonymous callers still get through, so Graph\'s webhook posts are judged by their function key.'

@description('Name of the Function App.')
param functionAppName string

// Checked here, not in main.bicep, so that a parameters file reading an unset environment variable still compiles
// and the deployment, not the build, refuses the empty value.
@description('Client id of the Entra app registration SOC analysts sign in to.')
@minLength(36)
@maxLength(36)
param clientId string

@description('Entra tenant of that app registration.')
param tenantId string

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource authentication 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      // Graph's notifications carry no token: the platform lets them in and the function key judges them. The SOC's
      // functions refuse any request the platform did not sign in (CampaignAdminFunctions).
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          // v2 tokens name the client id as audience, v1 tokens the identifier URI.
          allowedAudiences: [
            clientId
            'api://${clientId}'
          ]
        }
      }
    }
    login: {
      // Callers send bearer tokens; nothing signs in through the browser, so no tokens are kept.
      tokenStore: {
        enabled: false
      }
    }
  }
}
