// Uploads a file with tus-js-client, aborts it midway, and finishes it with a new Upload instance
// that resumes from the server's offset. Prints the completing answer's Filehost-File-Id.
// Usage: node upload.mjs <endpoint> <access token> <file>
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import * as tus from 'tus-js-client'

const [endpoint, token, path] = process.argv.slice(2)
const content = readFileSync(path)
const options = {
  endpoint,
  headers: { Authorization: `Bearer ${token}` },
  metadata: { filename: basename(path), filetype: 'application/octet-stream' },
  chunkSize: 256 * 1024,
  retryDelays: null,
}

function firstHalf () {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(content, {
      ...options,
      onProgress (sent, total) {
        if (sent > total / 2) {
          upload.abort().then(() => resolve(upload.url))
        }
      },
      onError: reject,
      onSuccess: () => reject(new Error('finished before the interruption')),
    })
    upload.start()
  })
}

function rest (uploadUrl) {
  return new Promise((resolve, reject) => {
    let fileId = null
    const upload = new tus.Upload(content, {
      ...options,
      uploadUrl,
      onAfterResponse (req, res) {
        fileId = res.getHeader('Filehost-File-Id') || fileId
      },
      onError: reject,
      onSuccess: () => resolve(fileId),
    })
    upload.start()
  })
}

const uploadUrl = await firstHalf()
const fileId = await rest(uploadUrl)
console.log(JSON.stringify({ uploadUrl, fileId }))
