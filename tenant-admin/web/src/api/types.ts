/** The shapes of the Callisto REST API v1 that this app uses. */

export type Role = 'ADMIN' | 'SUPERVISOR' | 'AGENT';
export const ROLES: readonly Role[] = ['ADMIN', 'SUPERVISOR', 'AGENT'];

export type TenantStatus = 'PENDING_PAYMENT' | 'TRIALING' | 'ACTIVE' | 'PAST_DUE' | 'SUSPENDED' | 'CANCELED';

export interface SignupRequest {
  companyName: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
  seats: number;
}

export interface SignupResponse {
  tenantId: string;
  adminUserId: string;
  status: TenantStatus | string;
  checkoutUrl?: string | null;
}

export interface TokenRequest {
  email: string;
  password: string;
  tenantId?: string;
}

/** What `POST /auth/token` and `POST /auth/refresh` answer. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  tokenType?: string;
  expiresIn: number;
  tenantId: string;
  userId: string;
  roles: string[];
}

export interface Tenant {
  id: string;
  companyName: string;
  status: TenantStatus | string;
  seatsLeased: number;
  plan: string | null;
  createdAt: string;
}

export interface Me {
  userId: string;
  tenantId: string;
  email: string;
  name: string;
  roles: string[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  password: string;
  roles: Role[];
}
