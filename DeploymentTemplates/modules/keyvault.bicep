// Secrets the web app reads through Key Vault references, so none is stored in its app settings.

@description('Name of the key vault (3-24 letters, digits and hyphens).')
param name string

@description('Azure region.')
param location string

@description('Principal id of the identity that reads the secrets (the web app\'s).')
param readerPrincipalId string

@description('SingleTenant bots only: the app registration\'s client secret. Empty for UserAssignedMSI.')
@secure()
param botAppPassword string

// Built-in role "Key Vault Secrets User".
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
  }
}

output name string = vault.name
output botAppCredentialUri string = empty(botAppPassword) ? '' : appPassword.properties.secretUri
