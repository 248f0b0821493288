// The bot's host: a Linux App Service plan and web app running the framework-dependent build on .NET 10.
// Every bot setting is an app setting here (see the configuration reference in the README); secrets are
// Key Vault references resolved with the user-assigned identity.

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; also the first label of its host name.')
param webAppName string

@description('Azure region.')
param location string

@description('Plan SKU; Free and Shared lack "always on", so they are not offered.')
param sku string

@description('Number of instances; more than one needs a shared state store, which this template always creates.')
param instanceCount int

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('MicrosoftAppType: UserAssignedMSI or SingleTenant.')
param botAppType string

@description('SingleTenant only: the app registration client id.')
param botAppId string

@description('SingleTenant only: Key Vault secret URI of the client secret.')
param botAppPasswordSecretUri string

@description('Storage:Provider: Postgres or Cosmos.')
param storageProvider string

@description('Key Vault secret URI of the state store connection string.')
param storageConnectionStringSecretUri string

@description('Storage:Cosmos:Database.')
param cosmosDatabaseName string

@description('Storage:Cosmos:Container.')
param cosmosContainerName string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Speech:VoiceName, the neural voice for voice channels.')
param speechVoiceName string

var isManagedIdentityBot = botAppType == 'UserAssignedMSI'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet BackCareBot.dll'
      alwaysOn: true
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        {
          name: 'MicrosoftAppType'
          value: botAppType
        }
        {
          name: 'MicrosoftAppId'
          value: isManagedIdentityBot ? identityClientId : botAppId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: subscription().tenantId
        }
        {
          name: 'MicrosoftAppPassword'
          value: isManagedIdentityBot ? '' : '@Microsoft.KeyVault(SecretUri=${botAppPasswordSecretUri})'
        }
        {
          name: 'Storage__Provider'
          value: storageProvider
        }
        {
          name: 'Storage__ConnectionString'
          value: '@Microsoft.KeyVault(SecretUri=${storageConnectionStringSecretUri})'
        }
        {
          name: 'Storage__Cosmos__Database'
          value: cosmosDatabaseName
        }
        {
          name: 'Storage__Cosmos__Container'
          value: cosmosContainerName
        }
        {
          name: 'Speech__VoiceName'
          value: speechVoiceName
        }
        {
          name: 'ASPNETCORE_ENVIRONMENT'
          value: 'Production'
        }
        {
          // App Service terminates TLS in front of the app; this makes the app see the caller's scheme and address.
          name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
          value: 'true'
        }
        {
          // The plain "Urls" key outranks ASPNETCORE_URLS and the appsettings.json default (localhost:3978).
          name: 'URLS'
          value: 'http://+:8080'
        }
        {
          name: 'WEBSITES_PORT'
          value: '8080'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsightsConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
        {
          // The package deployed is already built (dotnet publish); no build on the server.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
}

output name string = webApp.name
output hostName string = webApp.properties.defaultHostName
