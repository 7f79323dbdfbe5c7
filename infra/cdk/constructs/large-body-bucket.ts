/**
 * The private bucket for bodies too large for one Lambda response (a snapshot or a document
 * of a large period): written by the functions that serve them, read by the client through
 * a presigned URL for 15 minutes, gone after a day. It holds copies of the table's data, so
 * it outlives its stack as the table does.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

export interface LargeBodyBucketProps {
  /**
   * What happens to the bucket when it leaves the stack.
   * @default RemovalPolicy.RETAIN, as the table's
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * How long an object lives: its presigned URL lasts 15 minutes; a repeated read writes
   * it again.
   * @default one day
   */
  readonly expiration?: Duration;
}

export class LargeBodyBucket extends Construct {
  readonly bucket: IBucket;

  constructor(scope: Construct, id: string, props: LargeBodyBucketProps = {}) {
    super(scope, id);
    const expiration = props.expiration ?? Duration.days(1);
    const bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3-managed keys: a presigned GET needs no key policy for whoever holds the URL.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      // The web app's script fetches a download (with the document's type in Accept) and
      // follows the 303 here, from the API's origin: the presigned URL is the authority, so a
      // GET from any origin, without credentials, is all the browser needs to read it.
      cors: [
        {
          allowedMethods: [HttpMethods.GET],
          allowedOrigins: ['*'],
          allowedHeaders: ['Accept'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          id: 'ExpireLargeBodies',
          expiration,
          abortIncompleteMultipartUploadAfter: expiration,
        },
      ],
    });
    acknowledge(
      bucket,
      'AwsSolutions-S1',
      'Objects are copies of snapshots that live a day and are read through URLs the platform signs; the functions log each one they store.',
    );
    this.bucket = bucket;
  }
}
