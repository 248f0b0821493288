// The Azure Bot resource and its channels: Microsoft Teams, Direct Line (for the web chat) and, with a
// Speech resource, Direct Line Speech. New multi-tenant bots can no longer be created, so the bot is
// either UserAssignedMSI (the default; no secret at all) or SingleTenant.

@description('Name of the Azure Bot resource (the bot handle).')
param botName string

@description('Display name people see.')
param displayName string

@description('F0 (free, limited premium channel messages) or S1.')
param sku string

@description('The messaging endpoint, https://<host>/api/messages.')
param messagingEndpoint string

@description('UserAssignedMSI or SingleTenant.')
param botAppType string

@description('SingleTenant only: the app registration client id.')
param botAppId string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Application Insights instrumentation key for the bot\'s analytics.')
param appInsightsInstrumentationKey string

@description('Name of the Direct Line site the web chat uses.')
param directLineSiteName string

@description('Origins allowed to exchange the Direct Line secret for tokens (enhanced authentication).')
param trustedOrigins array

@description('Whether to add the Direct Line Speech channel.')
param enableDirectLineSpeech bool

@description('Name of the Speech resource (used when Direct Line Speech is on).')
param speechAccountName string

@description('Region of the Speech resource.')
param speechRegion string

var isManagedIdentityBot = botAppType == 'UserAssignedMSI'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: botAppType
    msaAppId: isManagedIdentityBot ? identityClientId : botAppId
    msaAppTenantId: subscription().tenantId
    msaAppMSIResourceId: isManagedIdentityBot ? identityId : null
    developerAppInsightKey: appInsightsInstrumentationKey
    // Direct Line Speech reaches the bot over the streaming (WebSocket) endpoint.
    isStreamingSupported: enableDirectLineSpeech
    disableLocalAuth: false
    publicNetworkAccess: 'Enabled'
    schemaTransformationVersion: '1.3'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      enableCalling: false
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: directLineSiteName
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: true
          trustedOrigins: trustedOrigins
          isBlockUserUploadEnabled: true
          isWebchatPreviewEnabled: false
        }
      ]
    }
  }
}

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = if (enableDirectLineSpeech) {
  name: speechAccountName
}

resource directLineSpeech 'Microsoft.BotService/botServices/channels@2022-09-15' = if (enableDirectLineSpeech) {
  parent: bot
  name: 'DirectLineSpeechChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineSpeechChannel'
    properties: {
      isEnabled: true
      cognitiveServiceResourceId: speech.id
      cognitiveServiceRegion: speechRegion
      cognitiveServiceSubscriptionKey: speech.listKeys().key1
      isDefaultBotForCogSvcAccount: false
    }
  }
}

output name string = bot.name
output directLineSiteName string = directLineSiteName
