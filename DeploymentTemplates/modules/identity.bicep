// The bot's identity: Azure Bot Service knows the bot by this identity's client id (UserAssignedMSI),
// and the web app uses it to read its secrets from Key Vault.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
