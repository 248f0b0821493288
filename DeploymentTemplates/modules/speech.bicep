// The Speech resource the Direct Line Speech channel turns voice into activities with.

@description('Name of the Speech resource; also its custom subdomain.')
param name string

@description('Azure region; Direct Line Speech needs a region that offers it.')
param location string

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  kind: 'SpeechServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    publicNetworkAccess: 'Enabled'
    // Direct Line Speech authenticates to the Speech resource with its key.
    disableLocalAuth: false
  }
}

output id string = speech.id
