import { Body, Controller, HttpCode, Ip, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse } from '../common/openapi/problem-responses.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { throttlingAddress } from '../auth/client-address.js';
import type { Principal } from '../auth/principal.js';
import { ChangeOwnPasswordRequestDto } from './dto/identity.dto.js';
import { ChangeOwnPasswordUseCase } from './usecases/change-own-password.usecase.js';

@ApiTags('Authentication')
@Controller('v2/authentication/me')
export class OwnPasswordController {
  constructor(private readonly changeOwnPassword: ChangeOwnPasswordUseCase) {}

  @Put('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change one\'s own password (Baton addition): the current one is required; one\'s other portal sign-ins end.' })
  @ApiNoContentResponse()
  @ApiProblemResponse(400, 'Wrong current password (PASSWORD.CURRENT_MISMATCH), a new one too short (PASSWORD.TOO_SHORT) or unchanged (PASSWORD.UNCHANGED).')
  @ApiProblemResponse(429, 'Too many wrong passwords for the user or from the address (AUTH.TOO_MANY_ATTEMPTS).')
  change(@CurrentPrincipal() caller: Principal, @Body() body: ChangeOwnPasswordRequestDto, @Ip() ip: string): Promise<void> {
    return this.changeOwnPassword.execute(caller, body, throttlingAddress(ip));
  }
}
