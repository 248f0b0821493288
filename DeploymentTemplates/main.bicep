// BackCareBot on Azure: App Service (Linux, .NET 10) behind an Azure Bot with the Teams, Direct Line and
// Direct Line Speech channels, state in PostgreSQL (default) or Cosmos DB, secrets in Key Vault, telemetry
// in Application Insights. Every resource name is derived from namePrefix. azuredeploy.json is this file
// compiled to ARM JSON; regenerate it with build-arm.sh after any change here or in modules/.
targetScope = 'resourceGroup'

@description('Prefix of every resource name: 3-12 lower-case letters, digits or hyphens, starting with a letter.')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Region of every regional resource (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('How Azure Bot Service knows the bot. UserAssignedMSI needs no secret; SingleTenant needs an app registration.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s client id.')
param botAppId string = ''

@description('SingleTenant only: the app registration\'s client secret (stored in Key Vault).')
@secure()
param botAppPassword string = ''

@description('Display name of the bot.')
param botDisplayName string = 'BackCareBot'

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'S1'

@description('Where conversation state is kept.')
@allowed([
  'postgres'
  'cosmos'
])
param stateStore string = 'postgres'

@description('PostgreSQL administrator login.')
param postgresAdministratorLogin string = 'backcarebot'

@description('PostgreSQL administrator password; required when stateStore is postgres.')
@secure()
param postgresAdministratorPassword string = ''

@description('App Service plan SKU (Basic or above: "always on" needs it).')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
])
param appServicePlanSku string = 'B1'

@description('Number of web app instances.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Adds a Speech resource and the Direct Line Speech channel.')
param enableDirectLineSpeech bool = true

@description('Neural voice for the voice channels (Speech:VoiceName).')
param speechVoiceName string = 'en-US-JennyNeural'

@description('Further origins (besides the web app itself) allowed to host the web chat.')
param webChatOrigins array = []

var suffix = uniqueString(resourceGroup().id, namePrefix)
var names = {
  identity: '${namePrefix}-id'
  workspace: '${namePrefix}-logs'
  appInsights: '${namePrefix}-appi'
  keyVault: take('${replace(namePrefix, '-', '')}kv${suffix}', 24)
  plan: '${namePrefix}-plan'
  webApp: '${namePrefix}-app-${suffix}'
  postgres: '${namePrefix}-pg-${suffix}'
  cosmos: '${namePrefix}-cosmos-${suffix}'
  speech: '${namePrefix}-speech-${suffix}'
  bot: '${namePrefix}-bot-${suffix}'
  directLineSite: '${namePrefix}-webchat'
}
var stateDatabaseName = 'backcarebot'
var cosmosContainerName = 'bot-state'

module identity 'modules/identity.bicep' = {
  name: '${namePrefix}-identity'
  params: {
    name: names.identity
    location: location
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: '${namePrefix}-monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: '${namePrefix}-keyvault'
  params: {
    name: names.keyVault
    location: location
    readerPrincipalId: identity.outputs.principalId
    botAppPassword: botAppPassword
  }
}

module postgres 'modules/postgres.bicep' = if (stateStore == 'postgres') {
  name: '${namePrefix}-postgres'
  params: {
    serverName: names.postgres
    location: location
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    databaseName: stateDatabaseName
    keyVaultName: keyVault.outputs.name
  }
}

module cosmos 'modules/cosmos.bicep' = if (stateStore == 'cosmos') {
  name: '${namePrefix}-cosmos'
  params: {
    accountName: names.cosmos
    location: location
    databaseName: stateDatabaseName
    containerName: cosmosContainerName
    keyVaultName: keyVault.outputs.name
  }
}

module speech 'modules/speech.bicep' = if (enableDirectLineSpeech) {
  name: '${namePrefix}-speech'
  params: {
    name: names.speech
    location: location
  }
}

module app 'modules/appservice.bicep' = {
  name: '${namePrefix}-app'
  params: {
    planName: names.plan
    webAppName: names.webApp
    location: location
    sku: appServicePlanSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    botAppType: botAppType
    botAppId: botAppId
    botAppPasswordSecretUri: keyVault.outputs.botAppCredentialUri
    storageProvider: stateStore == 'postgres' ? 'Postgres' : 'Cosmos'
    storageConnectionStringSecretUri: stateStore == 'postgres' ? postgres.outputs.connectionStringUri : cosmos.outputs.connectionStringUri
    cosmosDatabaseName: stateDatabaseName
    cosmosContainerName: cosmosContainerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    speechVoiceName: speechVoiceName
  }
}

module bot 'modules/bot.bicep' = {
  name: '${namePrefix}-bot'
  params: {
    botName: names.bot
    displayName: botDisplayName
    sku: botSku
    messagingEndpoint: 'https://${app.outputs.hostName}/api/messages'
    botAppType: botAppType
    botAppId: botAppId
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    appInsightsInstrumentationKey: monitoring.outputs.instrumentationKey
    directLineSiteName: names.directLineSite
    trustedOrigins: concat([
      'https://${app.outputs.hostName}'
    ], webChatOrigins)
    enableDirectLineSpeech: enableDirectLineSpeech
    speechAccountName: enableDirectLineSpeech ? names.speech : ''
    speechRegion: location
  }
  dependsOn: [
    speech
  ]
}

@description('The messaging endpoint the Azure Bot calls.')
output messagingEndpoint string = 'https://${app.outputs.hostName}/api/messages'

@description('The web app\'s URL (health: /healthz).')
output webAppUrl string = 'https://${app.outputs.hostName}'

@description('Name of the web app to deploy the published bot to.')
output webAppName string = app.outputs.name

@description('Name (handle) of the Azure Bot resource.')
output botName string = bot.outputs.name

@description('The Direct Line site the web chat uses; its secret is read with az bot directline show --with-secrets.')
output directLineSiteName string = bot.outputs.directLineSiteName

@description('Client id of the managed identity (MicrosoftAppId when botAppType is UserAssignedMSI).')
output managedIdentityClientId string = identity.outputs.clientId

@description('The state store in use.')
output stateStore string = stateStore
